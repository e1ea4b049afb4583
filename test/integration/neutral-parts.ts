// Neutral (AI SDK) stream parts as a translated target's provider streams them, for codec tests.
import type { LanguageModelV4StreamPart, LanguageModelV4Usage, SharedV4ProviderMetadata } from '@ai-sdk/provider';

export function usage(
  input: number,
  output: number,
  details: { cacheRead?: number; cacheWrite?: number; reasoning?: number } = {},
): LanguageModelV4Usage {
  return {
    inputTokens: {
      total: input,
      noCache: input - (details.cacheRead ?? 0) - (details.cacheWrite ?? 0),
      cacheRead: details.cacheRead,
      cacheWrite: details.cacheWrite,
    },
    outputTokens: { total: output, text: output - (details.reasoning ?? 0), reasoning: details.reasoning },
  };
}

type Unified = 'stop' | 'length' | 'content-filter' | 'tool-calls' | 'error' | 'interrupted' | 'other';

export function finish(
  unified: Unified = 'stop',
  tokens: LanguageModelV4Usage = usage(10, 5),
  raw: string = unified,
): LanguageModelV4StreamPart {
  return { type: 'finish', finishReason: { unified, raw }, usage: tokens };
}

export function textParts(id: string, ...deltas: string[]): LanguageModelV4StreamPart[] {
  return [
    { type: 'text-start', id },
    ...deltas.map((delta) => ({ type: 'text-delta' as const, id, delta })),
    { type: 'text-end', id },
  ];
}

export function reasoningParts(
  id: string,
  deltas: string[],
  signature?: SharedV4ProviderMetadata,
): LanguageModelV4StreamPart[] {
  return [
    { type: 'reasoning-start', id },
    ...deltas.map((delta) => ({ type: 'reasoning-delta' as const, id, delta })),
    ...(signature ? [{ type: 'reasoning-delta' as const, id, delta: '', providerMetadata: signature }] : []),
    { type: 'reasoning-end', id },
  ];
}

/** A tool call streamed as the AI SDK providers do: input start, deltas, end, then the whole call. */
export function toolCallParts(id: string, toolName: string, ...deltas: string[]): LanguageModelV4StreamPart[] {
  return [
    { type: 'tool-input-start', id, toolName },
    ...deltas.map((delta) => ({ type: 'tool-input-delta' as const, id, delta })),
    { type: 'tool-input-end', id },
    { type: 'tool-call', toolCallId: id, toolName, input: deltas.join('') },
  ];
}

export const streamStart: LanguageModelV4StreamPart = { type: 'stream-start', warnings: [] };
