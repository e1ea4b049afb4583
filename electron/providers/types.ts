import type { LanguageModelV4CallOptions, LanguageModelV4StreamPart } from '@ai-sdk/provider';
import type { EndpointConfig } from '../../shared/types/config';
import type { ApiCall } from '../protocols/types';
import type { ChatMessage } from '../../shared/types/chat';
import type { NormalizedUsage } from '../../shared/types/usage';
import type { ProviderError } from './provider-error';

/** One concrete place to send a call: an endpoint, a model name there, and its key. */
export interface ProviderTarget {
  endpoint: EndpointConfig;
  /** The model name as that endpoint knows it (`gpt-4o-mini`, `anthropic/claude-sonnet-4.5`). */
  model: string;
  /** From the keychain; undefined for endpoints that need none (a local Ollama). */
  apiKey: string | undefined;
}

/** How to sample; the provider's defaults for whatever is left out. */
export interface SamplingSettings {
  maxOutputTokens?: number;
  temperature?: number;
  topP?: number;
  stopSequences?: string[];
  seed?: number;
  presencePenalty?: number;
  frequencyPenalty?: number;
  /** JSON output: the provider's JSON mode, or its structured output when a schema is given. */
  responseFormat?: LanguageModelV4CallOptions['responseFormat'];
}

export interface ProviderRequest extends SamplingSettings {
  messages: ChatMessage[];
  abortSignal?: AbortSignal;
  /**
   * A local API request. When set, `messages` and the sampling settings are not used: a target whose wire
   * protocol is the client's gets the body as is (only `model` rewritten, answered with `wire-event`
   * parts); any other gets it translated (answered with `model-part` parts).
   */
  api?: ApiCall;
}

/**
 * What an adapter streams, in the AI SDK's naming. Exactly one terminal part ends it:
 * `finish`, or `error` (an error event in the stream, or a stream cut before its terminator).
 */
export type ProviderPart =
  | { type: 'response-metadata'; modelId: string | undefined }
  /** The answer's headers say the target's rate limit is used up until then. */
  | { type: 'rate-limit'; resetInMs: number }
  /** The provider's token counts so far (running totals), sent whenever they change. */
  | { type: 'usage'; usage: NormalizedUsage }
  | { type: 'text-delta'; text: string }
  | { type: 'reasoning-delta'; text: string }
  | {
      type: 'finish';
      /** The provider's own finish value (`stop`, `end_turn`, `STOP`, ...). */
      finishReason: string;
      usage: NormalizedUsage | null;
      /** The model that served, when the provider names it only at the end. */
      servedModel?: string;
      /** USD the provider itself reported for the call (OpenRouter's `usage.cost`). */
      providerCostUSD?: number;
    }
  | { type: 'error'; error: ProviderError }
  /**
   * Pass-through: whole events of the provider's stream (those of one read, of one kind of content), as
   * their SSE text (or, when not streaming, the whole JSON body), to forward as they are (only their `model`
   * names the target). `content` says what they carry: the first part with content is the first token;
   * `text` is the text they add (answer text,
   * reasoning or a tool call's arguments), counted for the size limit and estimates, and kept for the
   * cache when it is answer text. `other` is content no kept text could replay (audio, a tool result).
   */
  | {
      type: 'wire-event';
      data: string;
      content?: 'text' | 'reasoning' | 'tool-call' | 'other';
      text?: string;
    }
  /** Translation: one part of the AI SDK's neutral stream (text, reasoning, tool input and calls, finish). */
  | { type: 'model-part'; part: LanguageModelV4StreamPart };

/**
 * Starts a streaming call. HTTP errors and connection failures before the stream opens are
 * thrown as ProviderError; everything after comes as parts.
 */
export type StreamTarget = (target: ProviderTarget, request: ProviderRequest) => Promise<AsyncIterable<ProviderPart>>;
