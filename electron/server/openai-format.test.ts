import { describe, expect, it } from 'vitest';
import {
  chatCompletionRequestSchema,
  toChatMessages,
  toOpenAIError,
  toOpenAIFinishReason,
  toOpenAIUsage,
} from './openai-format';

describe('OpenAI format', () => {
  it('reads string and part-list contents and maps developer to system', () => {
    const request = chatCompletionRequestSchema.parse({
      model: 'fast',
      messages: [
        { role: 'developer', content: 'Be brief.' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Hello ' },
            { type: 'text', text: 'there' },
          ],
        },
      ],
    });
    expect(toChatMessages(request)).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Hello there' },
    ]);
  });
  it("maps each provider's finish value to OpenAI's", () => {
    expect(toOpenAIFinishReason('end_turn')).toBe('stop');
    expect(toOpenAIFinishReason('STOP')).toBe('stop');
    expect(toOpenAIFinishReason('max_tokens')).toBe('length');
    expect(toOpenAIFinishReason('MAX_TOKENS')).toBe('length');
    expect(toOpenAIFinishReason('tool_use')).toBe('tool_calls');
    expect(toOpenAIFinishReason('refusal')).toBe('content_filter');
  });
  it('reports usage with cache and reasoning details', () => {
    expect(
      toOpenAIUsage({
        inputTokens: 10,
        cacheReadTokens: 4,
        cacheWriteTokens: 0,
        outputTokens: 7,
        reasoningTokens: null,
      }),
    ).toEqual({
      prompt_tokens: 10,
      completion_tokens: 7,
      total_tokens: 17,
      prompt_tokens_details: { cached_tokens: 4 },
      completion_tokens_details: { reasoning_tokens: 0 },
    });
  });
  it("answers an unknown model with OpenAI's 404 model_not_found", () => {
    expect(toOpenAIError('UNKNOWN_MODEL', 'no such model')).toEqual({
      status: 404,
      body: {
        error: { message: 'no such model', type: 'invalid_request_error', param: null, code: 'model_not_found' },
      },
    });
    expect(toOpenAIError('ALL_TARGETS_FAILED', 'x').status).toBe(502);
  });
});
