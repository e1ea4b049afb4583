import { describe, expect, it } from 'vitest';
import { openAISpecErrors } from '../../../test/integration/openai-spec';
import type { NeutralPart } from '../types';
import { openAIChatCodec } from './index';

const meta = { id: 'chatcmpl-test', model: 'gemini/gemini-2.5-flash', created: 1_763_000_000 };
const body = { model: 'm', messages: [] };
const finish = (usage?: { input?: number; output?: number }): NeutralPart => ({
  type: 'finish',
  finishReason: { unified: 'stop', raw: 'STOP' },
  usage: {
    inputTokens: {
      total: usage?.input,
      noCache: undefined,
      cacheRead: undefined,
      cacheWrite: usage?.input ? 2 : undefined,
    },
    outputTokens: { total: usage?.output, text: undefined, reasoning: undefined },
  },
});

function answer(parts: NeutralPart[], requestBody: Record<string, unknown> = body) {
  const completion = openAIChatCodec.toResponseBody(meta, parts, requestBody);
  expect(openAISpecErrors('CreateChatCompletionResponse', completion)).toBe('');
  return completion as {
    usage?: unknown;
    choices: { message: Record<string, unknown>; logprobs: unknown; finish_reason: string }[];
  };
}

describe('a whole chat.completion', () => {
  it('has the text, refusal: null, logprobs: null and usage with cache writes', () => {
    const completion = answer([
      { type: 'text-delta', id: 't', delta: 'Paris' },
      { type: 'text-delta', id: 't', delta: '.' },
      finish({ input: 9, output: 3 }),
    ]);
    expect(completion).toMatchObject({ id: 'chatcmpl-test', object: 'chat.completion', model: meta.model });
    expect(completion.choices).toEqual([
      {
        index: 0,
        message: { role: 'assistant', content: 'Paris.', refusal: null },
        logprobs: null,
        finish_reason: 'stop',
      },
    ]);
    expect(completion.usage).toEqual({
      prompt_tokens: 9,
      completion_tokens: 3,
      total_tokens: 12,
      prompt_tokens_details: { cached_tokens: 0, cache_write_tokens: 2 },
      completion_tokens_details: { reasoning_tokens: 0 },
    });
  });

  it('leaves usage out, never null, when the provider counted nothing', () => {
    const completion = answer([{ type: 'text-delta', id: 't', delta: 'Hi' }, finish()]);
    expect('usage' in completion).toBe(false);
  });

  it('carries tool calls with content null and finish tool_calls, and reasoning as reasoning_content', () => {
    const completion = answer([
      { type: 'reasoning-delta', id: 'r', delta: 'Need the weather.' },
      { type: 'tool-call', toolCallId: 'call_1', toolName: 'get_weather', input: '{"city":"Paris"}' },
      { type: 'tool-call', toolCallId: 'ws', toolName: 'web_search', input: '{}', providerExecuted: true },
      finish({ input: 5, output: 5 }),
    ]);
    expect(completion.choices[0]).toMatchObject({
      finish_reason: 'tool_calls',
      message: {
        content: null,
        reasoning_content: 'Need the weather.',
        tool_calls: [
          { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
        ],
      },
    });
  });

  it('answers the older functions with function_call', () => {
    const completion = answer(
      [{ type: 'tool-call', toolCallId: 'c', toolName: 'get_weather', input: '{}' }, finish()],
      { ...body, functions: [{ name: 'get_weather' }] },
    );
    expect(completion.choices[0]).toMatchObject({
      finish_reason: 'function_call',
      message: { content: null, function_call: { name: 'get_weather', arguments: '{}' } },
    });
    expect(completion.choices[0]!.message.tool_calls).toBeUndefined();
    const twoCalls: NeutralPart[] = [
      { type: 'tool-call', toolCallId: 'a', toolName: 'get_weather', input: '{}' },
      { type: 'tool-call', toolCallId: 'b', toolName: 'get_weather', input: '{}' },
    ];
    expect(() => openAIChatCodec.toResponseBody(meta, twoCalls, { ...body, functions: [] })).toThrow('"tools"');
  });
});
