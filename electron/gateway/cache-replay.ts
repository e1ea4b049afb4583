import type { LanguageModelV4FinishReason, LanguageModelV4StreamPart } from '@ai-sdk/provider';
import type { CachedAnswer, GatewayPart } from './types';

/** A kept provider finish value (`stop`, `end_turn`, `completed`, `MAX_TOKENS`...) in the AI SDK's terms. */
export function unifiedFinishReason(raw: string | null): LanguageModelV4FinishReason['unified'] {
  const value = (raw ?? 'stop').toLowerCase();
  if (['length', 'max_tokens', 'max_output_tokens', 'incomplete', 'model_context_window_exceeded'].includes(value)) {
    return 'length';
  }
  if (['tool_calls', 'tool_use', 'function_call'].includes(value)) return 'tool-calls';
  if (
    ['content_filter', 'refusal', 'safety', 'recitation', 'blocklist', 'prohibited_content', 'spii'].includes(value)
  ) {
    return 'content-filter';
  }
  return ['stop', 'end_turn', 'stop_sequence', 'completed'].includes(value) ? 'stop' : 'other';
}

/**
 * A kept answer as neutral parts, which every protocol's encoder can write: only the text is kept, never
 * the provider's events. No tokens were used.
 */
export function replayModelParts(kept: CachedAnswer): LanguageModelV4StreamPart[] {
  const none = { total: undefined, noCache: undefined, cacheRead: undefined, cacheWrite: undefined };
  return [
    { type: 'text-start', id: '0' },
    { type: 'text-delta', id: '0', delta: kept.text },
    { type: 'text-end', id: '0' },
    {
      type: 'finish',
      finishReason: { unified: unifiedFinishReason(kept.finishReason), raw: kept.finishReason ?? undefined },
      usage: { inputTokens: none, outputTokens: { total: undefined, text: undefined, reasoning: undefined } },
    },
  ];
}

/** A kept answer as a call streams it: text for the app, neutral parts for a local API client. */
export function replayParts(kept: CachedAnswer, isApi: boolean): GatewayPart[] {
  if (!isApi) return [{ type: 'text-delta', text: kept.text }];
  return replayModelParts(kept).map((part) => ({ type: 'model-part', part }));
}
