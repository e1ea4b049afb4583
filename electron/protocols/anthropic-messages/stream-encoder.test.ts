// The encoder's SSE, read by the official Anthropic client from a local server, as a real client reads it.
import type { LanguageModelV4Usage } from '@ai-sdk/provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCannedAnthropicServer } from '../../../test/integration/canned-anthropic-server';
import type { NeutralPart, ResponseMeta } from '../types';
import { createMessagesStreamEncoder } from './stream-encoder';

const meta: ResponseMeta = { id: 'msg_sb_1', model: 'local/gpt-test', created: 1_763_000_000 };
const usage: LanguageModelV4Usage = {
  inputTokens: { total: 120, noCache: 100, cacheRead: 20, cacheWrite: undefined },
  outputTokens: { total: 42, text: 30, reasoning: 12 },
};
const finish = (unified: 'stop' | 'tool-calls' | 'length' | 'content-filter' = 'stop'): NeutralPart => ({
  type: 'finish',
  finishReason: { unified, raw: unified },
  usage,
});

function encode(parts: NeutralPart[], body: Record<string, unknown> = {}): string {
  const encoder = createMessagesStreamEncoder(meta, body);
  return parts.map((part) => encoder.write(part)).join('');
}

/** The events of an SSE text, as [type, data] pairs. */
function events(sse: string): [string, Record<string, unknown>][] {
  return sse
    .split('\n\n')
    .filter(Boolean)
    .map((frame) => {
      const [eventLine, dataLine] = frame.split('\n');
      return [eventLine!.slice('event: '.length), JSON.parse(dataLine!.slice('data: '.length))];
    });
}

let server: Awaited<ReturnType<typeof startCannedAnthropicServer>>;
beforeAll(async () => {
  server = await startCannedAnthropicServer();
});
afterAll(() => server.close());

/** Serves the SSE to the official client and returns what `messages.stream().finalMessage()` makes of it. */
async function readWithSdk(sse: string) {
  server.answerWith({ status: 200, body: sse, headers: { 'content-type': 'text/event-stream' } });
  const stream = server.client.messages.stream({
    model: 'route',
    max_tokens: 100,
    messages: [{ role: 'user', content: 'Hi' }],
  });
  const texts: string[] = [];
  const toolInputs: unknown[] = [];
  stream.on('text', (text) => texts.push(text));
  stream.on('inputJson', (_partial, snapshot) => toolInputs.push(snapshot));
  return { message: await stream.finalMessage(), texts, toolInputs };
}

describe('the Messages stream encoder, read by @anthropic-ai/sdk', () => {
  it('writes a text answer as message_start, one text block, message_delta and message_stop', async () => {
    const sse = encode([
      { type: 'stream-start', warnings: [] },
      { type: 'response-metadata', modelId: 'gpt-test' },
      { type: 'text-start', id: 't' },
      { type: 'text-delta', id: 't', delta: 'Hello' },
      { type: 'text-delta', id: 't', delta: ' there.' },
      { type: 'text-end', id: 't' },
      finish(),
    ]);
    expect(events(sse).map(([type]) => type)).toEqual([
      'message_start',
      'content_block_start',
      'content_block_delta',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ]);
    for (const [type, data] of events(sse)) expect(data.type).toBe(type);

    const { message, texts } = await readWithSdk(sse);
    expect(texts).toEqual(['Hello', ' there.']);
    expect(message).toMatchObject({
      id: 'msg_sb_1',
      model: 'local/gpt-test',
      role: 'assistant',
      content: [{ type: 'text', text: 'Hello there.' }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      // Anthropic counts cache reads apart from input_tokens; message_delta carries the final counts.
      usage: { input_tokens: 100, cache_read_input_tokens: 20, cache_creation_input_tokens: 0, output_tokens: 42 },
    });
  });

  it('streams thinking before text, with a signature carrying the provider metadata', async () => {
    const sse = encode([
      { type: 'reasoning-start', id: 'r' },
      { type: 'reasoning-delta', id: 'r', delta: 'Let me think.' },
      { type: 'reasoning-end', id: 'r', providerMetadata: { google: { thoughtSignature: 'sig-1' } } },
      { type: 'text-start', id: 't' },
      { type: 'text-delta', id: 't', delta: '42' },
      { type: 'text-end', id: 't' },
      finish(),
    ]);
    const deltas = events(sse).filter(([type]) => type === 'content_block_delta');
    expect(deltas.map(([, data]) => (data.delta as { type: string }).type)).toEqual([
      'thinking_delta',
      'signature_delta',
      'text_delta',
    ]);
    const { message } = await readWithSdk(sse);
    expect(message.content).toEqual([
      { type: 'thinking', thinking: 'Let me think.', signature: expect.stringMatching(/^switchboard\.v1\./) },
      { type: 'text', text: '42' },
    ]);
  });

  it('sends thinking blocks without their text when the request asked for display "omitted"', async () => {
    const sse = encode(
      [
        { type: 'reasoning-start', id: 'r' },
        { type: 'reasoning-delta', id: 'r', delta: 'secret steps' },
        { type: 'reasoning-end', id: 'r' },
        { type: 'text-start', id: 't' },
        { type: 'text-delta', id: 't', delta: 'Done.' },
        finish(),
      ],
      { thinking: { type: 'enabled', budget_tokens: 2000, display: 'omitted' } },
    );
    expect(sse).not.toContain('secret steps');
    const { message } = await readWithSdk(sse);
    expect(message.content[0]).toEqual({ type: 'thinking', thinking: '', signature: '' });
    expect(message.content[1]).toMatchObject({ type: 'text', text: 'Done.' });
  });

  it('streams tool input as input_json_delta that the client reassembles, text closed first', async () => {
    // As @ai-sdk/openai-compatible streams: the text block stays open until the very end.
    const sse = encode([
      { type: 'text-start', id: 'txt-0' },
      { type: 'text-delta', id: 'txt-0', delta: 'Checking the weather.' },
      { type: 'tool-input-start', id: 'call_1', toolName: 'get_weather' },
      { type: 'tool-input-delta', id: 'call_1', delta: '{"city":' },
      { type: 'tool-input-delta', id: 'call_1', delta: '"Paris"}' },
      { type: 'tool-input-end', id: 'call_1' },
      { type: 'tool-call', toolCallId: 'call_1', toolName: 'get_weather', input: '{"city":"Paris"}' },
      { type: 'tool-input-start', id: 'call_2', toolName: 'get_time' },
      { type: 'tool-input-delta', id: 'call_2', delta: '{"zone":"CET"}' },
      { type: 'tool-input-end', id: 'call_2' },
      { type: 'tool-call', toolCallId: 'call_2', toolName: 'get_time', input: '{"zone":"CET"}' },
      { type: 'text-end', id: 'txt-0' },
      finish('tool-calls'),
    ]);
    const starts = events(sse).filter(([type]) => type === 'content_block_start');
    expect(starts.map(([, data]) => data.index)).toEqual([0, 1, 2]);
    const { message, toolInputs } = await readWithSdk(sse);
    expect(message.content).toEqual([
      { type: 'text', text: 'Checking the weather.' },
      { type: 'tool_use', id: 'call_1', name: 'get_weather', input: { city: 'Paris' } },
      { type: 'tool_use', id: 'call_2', name: 'get_time', input: { zone: 'CET' } },
    ]);
    expect(toolInputs).toContainEqual({ city: 'Paris' });
    expect(message.stop_reason).toBe('tool_use');
  });

  it('keeps interleaved tool calls apart: a second call waits until the first ends', async () => {
    const sse = encode([
      { type: 'tool-input-start', id: 'a', toolName: 'first' },
      { type: 'tool-input-start', id: 'b', toolName: 'second' },
      { type: 'tool-input-delta', id: 'a', delta: '{"n":' },
      { type: 'tool-input-delta', id: 'b', delta: '{"m":2}' },
      { type: 'tool-input-delta', id: 'a', delta: '1}' },
      { type: 'tool-call', toolCallId: 'a', toolName: 'first', input: '{"n":1}' },
      { type: 'tool-call', toolCallId: 'b', toolName: 'second', input: '{"m":2}' },
      finish('tool-calls'),
    ]);
    // Each block's events sit between its own start and stop.
    let open: number | undefined;
    for (const [type, data] of events(sse)) {
      if (type === 'content_block_start') {
        expect(open).toBeUndefined();
        open = data.index as number;
      }
      if (type === 'content_block_delta') expect(data.index).toBe(open);
      if (type === 'content_block_stop') open = undefined;
    }
    const { message } = await readWithSdk(sse);
    expect(message.content).toEqual([
      { type: 'tool_use', id: 'a', name: 'first', input: { n: 1 } },
      { type: 'tool_use', id: 'b', name: 'second', input: { m: 2 } },
    ]);
  });

  it('writes a tool call that came whole (no input deltas) as one block', async () => {
    const sse = encode([
      { type: 'tool-call', toolCallId: 'g1', toolName: 'lookup', input: '{"q":"x"}' },
      { type: 'tool-call', toolCallId: 'g2', toolName: 'noargs', input: '' },
      finish('stop'),
    ]);
    const { message } = await readWithSdk(sse);
    expect(message.content).toEqual([
      { type: 'tool_use', id: 'g1', name: 'lookup', input: { q: 'x' } },
      { type: 'tool_use', id: 'g2', name: 'noargs', input: {} },
    ]);
    // A provider that ends tool calls with a plain "stop" still reads tool_use.
    expect(message.stop_reason).toBe('tool_use');
  });

  it("maps each end to Anthropic's stop reasons", async () => {
    const stopReason = async (unified: 'length' | 'content-filter') => {
      const sse = encode([{ type: 'text-delta', id: 't', delta: 'x' }, finish(unified)]);
      return (await readWithSdk(sse)).message.stop_reason;
    };
    expect(await stopReason('length')).toBe('max_tokens');
    expect(await stopReason('content-filter')).toBe('refusal');
  });

  it('ends a failure after the first token with an error event the client throws, never a clean end', async () => {
    const encoder = createMessagesStreamEncoder(meta, {});
    const sse =
      encoder.write({ type: 'text-delta', id: 't', delta: 'Half an ans' }) +
      encoder.fail('PROVIDER_UNAVAILABLE', 'The provider stopped answering.');
    expect(sse).not.toContain('message_stop');
    expect(events(sse).at(-1)).toEqual([
      'error',
      { type: 'error', error: { type: 'overloaded_error', message: 'The provider stopped answering.' } },
    ]);
    await expect(readWithSdk(sse)).rejects.toThrow(/The provider stopped answering/);
    // Nothing follows the failure.
    expect(encoder.write(finish())).toBe('');
  });

  it('turns an error part of the stream into the error event', () => {
    const encoder = createMessagesStreamEncoder(meta, {});
    expect(events(encoder.write({ type: 'error', error: new Error('cut off') }))).toEqual([
      ['error', { type: 'error', error: { type: 'api_error', message: 'cut off' } }],
    ]);
  });

  it('passes pings on, after message_start', () => {
    expect(events(encode([{ type: 'ping' }])).map(([type]) => type)).toEqual(['message_start', 'ping']);
  });
});
