import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capturesDir } from '../../../test/fake-provider';
import { startCannedAnthropicServer } from '../../../test/integration/canned-anthropic-server';
import type { NeutralPart } from '../types';
import { toMessagesResponseBody } from './response-body';

const meta = { id: 'msg_sb_2', model: 'google/gemini-2.5-flash', created: 0 };
const usage = {
  inputTokens: { total: 50, noCache: 40, cacheRead: 10, cacheWrite: 0 },
  outputTokens: { total: 20, text: 15, reasoning: 5 },
};
const parts: NeutralPart[] = [
  { type: 'stream-start', warnings: [] },
  { type: 'reasoning-start', id: 'r' },
  { type: 'reasoning-delta', id: 'r', delta: 'Weather first.' },
  { type: 'reasoning-end', id: 'r' },
  { type: 'text-start', id: 't' },
  { type: 'text-delta', id: 't', delta: 'Let me look ' },
  { type: 'text-delta', id: 't', delta: 'that up.' },
  { type: 'text-end', id: 't' },
  { type: 'tool-input-start', id: 'call_9', toolName: 'get_weather' },
  { type: 'tool-input-delta', id: 'call_9', delta: '{"city":"Oslo"}' },
  { type: 'tool-input-end', id: 'call_9' },
  { type: 'tool-call', toolCallId: 'call_9', toolName: 'get_weather', input: '{"city":"Oslo"}' },
  { type: 'finish', finishReason: { unified: 'tool-calls', raw: 'tool_calls' }, usage },
];

let server: Awaited<ReturnType<typeof startCannedAnthropicServer>>;
beforeAll(async () => {
  server = await startCannedAnthropicServer();
});
afterAll(() => server.close());

describe('a whole translated answer as a Messages response', () => {
  it('is a message object with its blocks in order, the stop reason and usage', () => {
    expect(toMessagesResponseBody(meta, parts, {})).toEqual({
      id: 'msg_sb_2',
      type: 'message',
      role: 'assistant',
      model: 'google/gemini-2.5-flash',
      content: [
        { type: 'thinking', thinking: 'Weather first.', signature: '' },
        { type: 'text', text: 'Let me look that up.' },
        { type: 'tool_use', id: 'call_9', name: 'get_weather', input: { city: 'Oslo' } },
      ],
      stop_reason: 'tool_use',
      stop_sequence: null,
      usage: { input_tokens: 40, cache_creation_input_tokens: 0, cache_read_input_tokens: 10, output_tokens: 20 },
    });
  });

  it('has every field a real Anthropic response has, as the official client returns it', async () => {
    const real = JSON.parse(readFileSync(resolve(capturesDir, 'anthropic/anthropic-text.json'), 'utf8'));
    const ours = toMessagesResponseBody(meta, parts, {});
    for (const key of Object.keys(real)) expect(ours).toHaveProperty(key);
    for (const key of ['input_tokens', 'cache_creation_input_tokens', 'cache_read_input_tokens', 'output_tokens']) {
      expect(ours.usage).toHaveProperty(key);
    }
    server.answerWith({ status: 200, body: JSON.stringify(ours), headers: { 'content-type': 'application/json' } });
    const message = await server.client.messages.create({
      model: 'route',
      max_tokens: 100,
      messages: [{ role: 'user', content: 'Weather in Oslo?' }],
    });
    expect(message.content.at(-1)).toEqual({
      type: 'tool_use',
      id: 'call_9',
      name: 'get_weather',
      input: { city: 'Oslo' },
    });
  });

  it('leaves thinking text out when the request asked for display "omitted", and skips empty text', () => {
    const body = { thinking: { type: 'enabled', budget_tokens: 1024, display: 'omitted' } };
    const withEmptyText: NeutralPart[] = [...parts.slice(0, 5), { type: 'text-end', id: 't' }, parts.at(-1)!];
    const message = toMessagesResponseBody(meta, withEmptyText, body);
    expect(message.content).toEqual([{ type: 'thinking', thinking: '', signature: '' }]);
  });

  it('reads a tool call that came whole, and says end_turn for a plain answer', () => {
    const message = toMessagesResponseBody(
      meta,
      [
        { type: 'text-delta', id: 't', delta: 'Hi.' },
        { type: 'finish', finishReason: { unified: 'stop', raw: 'STOP' }, usage },
      ],
      {},
    );
    expect(message).toMatchObject({ content: [{ type: 'text', text: 'Hi.' }], stop_reason: 'end_turn' });
  });
});
