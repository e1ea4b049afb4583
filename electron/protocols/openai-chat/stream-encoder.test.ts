import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCannedHttpServer, type CannedHttpServer } from '../../../test/integration/canned-http-server';
import { openAISpecErrors } from '../../../test/integration/openai-spec';
import type { NeutralPart } from '../types';
import { openAIChatCodec } from './index';

const meta = { id: 'chatcmpl-test', model: 'claude/claude-sonnet-4-5', created: 1_763_000_000 };
const usage = {
  inputTokens: { total: 12, noCache: 8, cacheRead: 4, cacheWrite: undefined },
  outputTokens: { total: 30, text: 10, reasoning: 20 },
};
const finish = (unified: 'stop' | 'tool-calls' | 'length' = 'stop'): NeutralPart => ({
  type: 'finish',
  finishReason: { unified, raw: unified },
  usage,
});

function encode(parts: NeutralPart[], body: Record<string, unknown> = {}) {
  const encoder = openAIChatCodec.createStreamEncoder(meta, { model: 'm', messages: [], stream: true, ...body });
  return parts.map((part) => encoder.write(part)).join('');
}

/** Each `data:` payload; `[DONE]` as the string. */
function events(text: string): unknown[] {
  expect(text.endsWith('\n\n')).toBe(true);
  return text
    .split('\n\n')
    .filter(Boolean)
    .map((block) => {
      expect(block.startsWith('data: ')).toBe(true);
      const data = block.slice('data: '.length);
      return data === '[DONE]' ? data : JSON.parse(data);
    });
}

function expectValidChunks(text: string) {
  const all = events(text);
  expect(all.at(-1)).toBe('[DONE]');
  for (const chunk of all.slice(0, -1)) expect(openAISpecErrors('CreateChatCompletionStreamResponse', chunk)).toBe('');
  return all.slice(0, -1) as {
    choices: { delta: Record<string, unknown>; finish_reason: string | null }[];
    usage?: unknown;
  }[];
}

const text = (delta: string): NeutralPart => ({ type: 'text-delta', id: 't', delta });
const toolParts = (id: string, name: string, args: string[]): NeutralPart[] => [
  { type: 'tool-input-start', id, toolName: name },
  ...args.map((delta): NeutralPart => ({ type: 'tool-input-delta', id, delta })),
  { type: 'tool-input-end', id },
  { type: 'tool-call', toolCallId: id, toolName: name, input: args.join('') || '{}' },
];

let server: CannedHttpServer;
let client: OpenAI;
beforeAll(async () => {
  server = await startCannedHttpServer();
  client = new OpenAI({ baseURL: server.url, apiKey: 'test', maxRetries: 0 });
});
afterAll(() => server.close());

/** What the `openai` SDK's own stream helper makes of the encoder's output. */
function readWithOpenAI(sse: string) {
  server.answer({ contentType: 'text/event-stream', body: sse });
  return client.chat.completions.stream({ model: 'm', messages: [{ role: 'user', content: 'Hi' }] });
}

describe('the Chat Completions stream encoder', () => {
  it('sends the role first, then content, the finish, the usage chunk when asked, and [DONE]', () => {
    const sse = encode(
      [
        { type: 'stream-start', warnings: [] },
        { type: 'text-start', id: 't' },
        text('Hel'),
        text('lo'),
        { type: 'text-end', id: 't' },
        finish(),
      ],
      { stream_options: { include_usage: true } },
    );
    const chunks = expectValidChunks(sse);
    expect(chunks.map((chunk) => chunk.choices[0]?.delta)).toEqual([
      { role: 'assistant', content: '', refusal: null },
      { content: 'Hel' },
      { content: 'lo' },
      {},
      undefined,
    ]);
    expect(chunks[3]!.choices[0]!.finish_reason).toBe('stop');
    expect(chunks[4]).toMatchObject({
      choices: [],
      usage: {
        prompt_tokens: 12,
        completion_tokens: 30,
        total_tokens: 42,
        prompt_tokens_details: { cached_tokens: 4 },
        completion_tokens_details: { reasoning_tokens: 20 },
      },
    });
    expect(chunks.map((chunk) => (chunk as { id?: string }).id)).toEqual(Array(5).fill('chatcmpl-test'));
  });

  it('sends no usage chunk unless asked, and a role chunk even for an empty answer', () => {
    const chunks = expectValidChunks(encode([finish('length')]));
    expect(chunks).toHaveLength(2);
    expect(chunks[0]!.choices[0]!.delta).toMatchObject({ role: 'assistant' });
    expect(chunks[1]!.choices[0]!.finish_reason).toBe('length');
  });

  it('streams reasoning as reasoning_content before the answer', () => {
    const chunks = expectValidChunks(
      encode([
        { type: 'reasoning-start', id: 'r' },
        { type: 'reasoning-delta', id: 'r', delta: 'Think.' },
        { type: 'reasoning-end', id: 'r' },
        text('Done.'),
        finish(),
      ]),
    );
    expect(chunks.slice(1, 3).map((chunk) => chunk.choices[0]!.delta)).toEqual([
      { reasoning_content: 'Think.' },
      { content: 'Done.' },
    ]);
  });

  it("streams tool calls as indexed deltas that the openai SDK's stream helper reassembles", async () => {
    const sse = encode([
      text('Checking both.'),
      ...toolParts('call_a', 'get_weather', ['{"ci', 'ty":"Par', 'is"}']),
      // Gemini names a whole call at once.
      { type: 'tool-call', toolCallId: 'call_b', toolName: 'get_weather', input: '{"city":"Rome"}' },
      // Anthropic streams no arguments for a call without any.
      ...toolParts('call_c', 'get_time', []),
      finish('tool-calls'),
    ]);
    const chunks = expectValidChunks(sse);
    expect(chunks.at(-1)!.choices[0]!.finish_reason).toBe('tool_calls');
    const completion = await readWithOpenAI(sse).finalChatCompletion();
    expect(completion.choices[0]!.finish_reason).toBe('tool_calls');
    expect(completion.choices[0]!.message.content).toBe('Checking both.');
    expect(completion.choices[0]!.message.tool_calls).toEqual([
      { id: 'call_a', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
      { id: 'call_b', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Rome"}' } },
      { id: 'call_c', type: 'function', function: { name: 'get_time', arguments: '{}' } },
    ]);
  });

  it('leaves out calls the provider ran itself', () => {
    const chunks = expectValidChunks(
      encode([
        { type: 'tool-input-start', id: 'ws', toolName: 'web_search', providerExecuted: true },
        { type: 'tool-input-delta', id: 'ws', delta: '{}' },
        { type: 'tool-call', toolCallId: 'ws', toolName: 'web_search', input: '{}', providerExecuted: true },
        { type: 'tool-result', toolCallId: 'ws', toolName: 'web_search', result: { hits: 1 } },
        text('Found it.'),
        finish(),
      ]),
    );
    expect(JSON.stringify(chunks)).not.toContain('web_search');
    expect(chunks.at(-1)!.choices[0]!.finish_reason).toBe('stop');
  });

  it('answers the older functions with function_call deltas, and fails on a second call', async () => {
    const body = { functions: [{ name: 'get_weather' }] };
    const sse = encode([...toolParts('c1', 'get_weather', ['{"city":', '"Paris"}']), finish('tool-calls')], body);
    const chunks = expectValidChunks(sse);
    expect(chunks[1]!.choices[0]!.delta).toEqual({ function_call: { name: 'get_weather', arguments: '' } });
    expect(chunks.at(-1)!.choices[0]!.finish_reason).toBe('function_call');
    const completion = await readWithOpenAI(sse).finalChatCompletion();
    expect(completion.choices[0]!.message.function_call).toEqual({
      name: 'get_weather',
      arguments: '{"city":"Paris"}',
    });

    const twice = events(encode([...toolParts('c1', 'a', []), ...toolParts('c2', 'b', []), finish()], body));
    expect(twice.at(-1)).toMatchObject({ error: { message: expect.stringContaining('"tools"') } });
  });

  it('ends a failure after the first token with an error chunk in OpenAI’s shape, never [DONE]', async () => {
    const encoder = openAIChatCodec.createStreamEncoder(meta, { model: 'm', messages: [], stream: true });
    const sse = encoder.write(text('Par')) + encoder.fail('PROVIDER_STREAM_ERROR', 'The provider cut the answer.');
    expect(encoder.write(finish())).toBe('');
    const all = events(sse);
    expect(all).not.toContain('[DONE]');
    expect(openAISpecErrors('ErrorResponse', all.at(-1))).toBe('');
    expect(all.at(-1)).toEqual({
      error: {
        message: 'The provider cut the answer.',
        type: 'upstream_error',
        param: null,
        code: 'provider_stream_error',
      },
    });
    await expect(readWithOpenAI(sse).finalChatCompletion()).rejects.toThrow('The provider cut the answer.');
  });

  it('turns an error part into the same error chunk', () => {
    const all = events(encode([text('a'), { type: 'error', error: new Error('overloaded') }]));
    expect(all.at(-1)).toMatchObject({ error: { message: 'overloaded' } });
  });
});
