// Real streams of other providers (Chat Completions servers, Gemini), read by their AI SDK providers as a
// translated call reads them, written as Anthropic's events and read by the official Anthropic client: it
// must get the same text, reasoning, tool calls and usage the capture holds.
import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EndpointKind } from '../../../shared/types/config';
import { loadCapture, loadExpected } from '../../../test/fake-provider';
import { startCannedAnthropicServer } from '../../../test/integration/canned-anthropic-server';
import { createLanguageModel } from '../../providers/language-model';
import { createMessagesStreamEncoder } from './stream-encoder';

const expected = loadExpected();
const captures: [string, EndpointKind][] = [
  ['openai-chat/openai-text.chunks.txt', 'openai-compatible'],
  ['openai-compatible/deepseek-reasoning.chunks.txt', 'openai-compatible'],
  ['openai-compatible/deepseek-tool-call.chunks.txt', 'openai-compatible'],
  ['openai-compatible/groq-tool-call.chunks.txt', 'openai-compatible'],
  ['openai-compatible/xai-text.chunks.txt', 'openai-compatible'],
  ['google/google-text.chunks.txt', 'google'],
  ['google/google-tool-call.chunks.txt', 'google'],
];

async function neutralParts(capture: string, kind: EndpointKind): Promise<LanguageModelV4StreamPart[]> {
  const frames = loadCapture(capture).map((chunk) => `data: ${chunk}\n\n`);
  const sse = frames.join('') + (kind === 'google' ? '' : 'data: [DONE]\n\n');
  const fetch = async () => new Response(sse, { headers: { 'content-type': 'text/event-stream' } });
  const endpoint = { id: 'upstream', kind, baseURL: 'http://127.0.0.1:9/v1' };
  const model = createLanguageModel({ endpoint, model: 'm', apiKey: 'k' }, fetch as typeof globalThis.fetch);
  const { stream } = await model.doStream({ prompt: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }] });
  const parts: LanguageModelV4StreamPart[] = [];
  for await (const part of stream) parts.push(part);
  return parts;
}

let server: Awaited<ReturnType<typeof startCannedAnthropicServer>>;
beforeAll(async () => {
  server = await startCannedAnthropicServer();
});
afterAll(() => server.close());

describe('a translated answer, as the official Anthropic client reads it', () => {
  it.each(captures)('%s keeps its text, reasoning, tool calls and usage', async (capture, kind) => {
    const parts = await neutralParts(capture, kind);
    const encoder = createMessagesStreamEncoder({ id: 'msg_sb', model: 'upstream/m', created: 0 }, {});
    const sse = parts.map((part) => encoder.write(part)).join('');
    server.answerWith({ status: 200, body: sse, headers: { 'content-type': 'text/event-stream' } });
    const message = await server.client.messages
      .stream({ model: 'route', max_tokens: 100, messages: [{ role: 'user', content: 'Hi' }] })
      .finalMessage();

    const want = expected[capture]!;
    const textOf = (type: string) =>
      message.content
        .map((block) =>
          block.type === type ? (block.type === 'text' ? block.text : (block as { thinking: string }).thinking) : '',
        )
        .join('');
    expect(textOf('text')).toBe(want.text);
    expect(textOf('thinking')).toBe(want.reasoning);
    const calls = parts.filter((part) => part.type === 'tool-call');
    expect(message.content.filter((block) => block.type === 'tool_use')).toEqual(
      calls.map((call) => ({
        type: 'tool_use',
        id: call.toolCallId,
        name: call.toolName,
        input: JSON.parse(call.input),
      })),
    );
    expect(message.stop_reason).toBe(
      calls.length > 0 ? 'tool_use' : want.finish === 'length' ? 'max_tokens' : 'end_turn',
    );
    const usage = message.usage;
    expect(usage.input_tokens + (usage.cache_read_input_tokens ?? 0)).toBe(want.usage!.inputTokens);
    expect(usage.cache_read_input_tokens).toBe(want.usage!.cacheReadTokens);
    // xAI leaves reasoning out of completion_tokens and the AI SDK takes it as is (the
    // gateway reads usage from the raw events itself); the encoder writes what the finish part says.
    const finish = parts.find((part) => part.type === 'finish')!;
    expect(usage.output_tokens).toBe(finish.usage.outputTokens.total);
    if (!capture.includes('xai')) expect(usage.output_tokens).toBe(want.usage!.outputTokens);
  });
});
