import type { LanguageModelV4FinishReason, LanguageModelV4Usage } from '@ai-sdk/provider';

export type ChatFinishReason = 'stop' | 'length' | 'tool_calls' | 'content_filter' | 'function_call';

/** The neutral finish in OpenAI's words: a turn that called the client's tools ends with `tool_calls`. */
export function toChatFinishReason(
  reason: LanguageModelV4FinishReason,
  options: { hasToolCalls: boolean; isLegacyFunctions: boolean },
): ChatFinishReason {
  if (reason.unified === 'length') return 'length';
  if (reason.unified === 'content-filter') return 'content_filter';
  if (options.hasToolCalls) return options.isLegacyFunctions ? 'function_call' : 'tool_calls';
  return 'stop';
}

/** OpenAI's usage object, or undefined when the provider counted nothing (the field is then left out, never null). */
export function toChatUsage(usage: LanguageModelV4Usage | undefined) {
  const input = usage?.inputTokens.total;
  const output = usage?.outputTokens.total;
  if (input === undefined && output === undefined) return undefined;
  const promptTokens = input ?? 0;
  const completionTokens = output ?? 0;
  return {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
    prompt_tokens_details: {
      cached_tokens: usage?.inputTokens.cacheRead ?? 0,
      ...(usage?.inputTokens.cacheWrite !== undefined ? { cache_write_tokens: usage.inputTokens.cacheWrite } : {}),
    },
    completion_tokens_details: { reasoning_tokens: usage?.outputTokens.reasoning ?? 0 },
  };
}
