import type { LanguageModelV4FinishReason, LanguageModelV4Usage } from '@ai-sdk/provider';

export type StopReason = 'end_turn' | 'max_tokens' | 'stop_sequence' | 'tool_use' | 'refusal';

/**
 * Why the answer ended, in Anthropic's words. No translated target says whether a stop sequence ended
 * it, so such an end reads `end_turn`.
 */
export function toStopReason(finishReason: LanguageModelV4FinishReason | undefined, hasToolUse: boolean): StopReason {
  switch (finishReason?.unified) {
    case 'length':
      return 'max_tokens';
    case 'tool-calls':
      return 'tool_use';
    case 'content-filter':
      return 'refusal';
    default:
      // Some providers end a turn of tool calls with a plain "stop".
      return hasToolUse ? 'tool_use' : 'end_turn';
  }
}

export interface AnthropicUsage {
  /** Prompt tokens neither read from nor written to a cache (Anthropic counts those apart). */
  input_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
  output_tokens: number;
}

/** The AI SDK's usage in Anthropic's terms: the prompt is the sum of the three input counts. */
export function toAnthropicUsage(usage: LanguageModelV4Usage | undefined): AnthropicUsage {
  const cacheRead = usage?.inputTokens.cacheRead ?? 0;
  const cacheWrite = usage?.inputTokens.cacheWrite ?? 0;
  const total = usage?.inputTokens.total ?? 0;
  return {
    input_tokens: usage?.inputTokens.noCache ?? Math.max(0, total - cacheRead - cacheWrite),
    cache_creation_input_tokens: cacheWrite,
    cache_read_input_tokens: cacheRead,
    output_tokens: usage?.outputTokens.total ?? 0,
  };
}
