import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import type { CallPart, ChatMessage } from '../../shared/types/chat';
import type { ApiCall } from '../protocols/types';
import type { ErrorCode } from '../../shared/errors/codes';
import type { EndpointConfig } from '../../shared/types/config';
import type { CallSource, RouteDecision, UsageRecord } from '../../shared/types/usage';
import type { PriceCall } from '../catalog/types';
import type { SamplingSettings, StreamTarget } from '../providers/types';
import type { RouteLimits } from './call-limits';
import type { RouteRouting, Router } from '../routing/create-router';
import type { RoutePreference } from '../../shared/routing/route-preference';

/** One target a model id resolved to. */
export interface ResolvedTarget {
  endpoint: EndpointConfig;
  model: string;
  /** `endpoint-id/model`. */
  target: string;
}

/** What a model id stands for: its targets in order, and how long its answers are kept, if at all. */
export interface Resolution {
  targets: ResolvedTarget[];
  cacheTtlMs?: number;
  /** The route's own time and size limits, when the model id names a route. */
  route?: RouteLimits;
  /** The route's strategy, when the model id names a route. */
  routing?: RouteRouting;
}

/** A finished answer kept for replay. */
export interface CachedAnswer {
  target: string;
  servedModel: string | null;
  finishReason: string | null;
  text: string;
  /** What the answer cost when it was made: a replay's saving (null when unknown). */
  costUSD?: number | null;
}

/** Kept answers by request; failures to read or write it never break a call. */
export interface ResponseCache {
  get(key: string): CachedAnswer | undefined;
  put(key: string, answer: CachedAnswer, ttlMs: number): void;
}

export interface CallRequest {
  /** `endpoint-id/model` or a route name. */
  modelId: string;
  messages: ChatMessage[];
  source: CallSource;
  signal?: AbortSignal;
  conversationId?: string | null;
  /** How to sample (temperature, output limit, ...); the provider's defaults when absent. */
  sampling?: SamplingSettings;
  /** `refresh` skips a kept answer and keeps the new one (an API client's `Cache-Control: no-cache`). */
  cache?: 'use' | 'refresh';
  /** A local API request, carried to every target (pass-through or translated); `messages` is then unused. */
  api?: ApiCall;
  /** This request's own narrowing or reordering of its route's targets. */
  route?: RoutePreference;
}

/** A call's failure, with what a local API client needs to answer it in its own protocol. */
export type GatewayErrorPart = Extract<CallPart, { type: 'error' }> & {
  /** The last provider's HTTP status (a 401 that means the key Switchboard holds was refused). */
  upstreamStatus?: number;
  /** How long the provider asked to wait (429s). */
  retryAfterMs?: number;
  /** The request field a refusal is about. */
  param?: string;
};

/**
 * What a local API call streams besides the app's parts. Events before an attempt's first content are
 * held back (the commit gate), so a failover never leaves a dead attempt's events with the client.
 */
export type GatewayPart =
  | Exclude<CallPart, { type: 'error' }>
  | GatewayErrorPart
  | { type: 'wire-event'; data: string }
  | { type: 'model-part'; part: LanguageModelV4StreamPart }
  /** A local API call's route order, before its first attempt: the handler says it in a header. */
  | { type: 'route-decision'; decision: RouteDecision }
  /**
   * A local API call's answer is whole (its attempt finished): the handler ends the response now; pricing and
   * the usage row follow, then the `finish` part.
   */
  | { type: 'answer-end' };

export interface GatewayDependencies {
  /** Throws a SwitchboardError naming what exists when the id is unknown. */
  resolve(modelId: string): Resolution;
  getKey(endpointId: string): Promise<string | undefined>;
  streamTarget: StreamTarget;
  price: PriceCall;
  /**
   * Persists the usage row; a failure here never breaks the call. `call` is the request and the answer's text
   * (kept only when `wantsText` says so), for the OpenTelemetry export.
   */
  record(record: UsageRecord, call?: { request: CallRequest; text: string }): void;
  /** Whether each call should keep its answer's text for `record` (telemetry with content on). */
  wantsText?(): boolean;
  cache?: ResponseCache;
  /** Orders a route's targets by its strategy and benches failing targets; routes go in order without it. */
  router?: Router;
  /**
   * Asked before each attempt: a refusal (a monthly budget set to stop is spent) fails that attempt with
   * its message, so a target on another endpoint may still answer. Replays from the cache cost nothing
   * and are not asked.
   */
  checkBudget?(modelId: string, target: string): { ok: true } | { ok: false; code: ErrorCode; message: string };
  now?: () => number;
  newId?: () => string;
}

export interface Gateway {
  /**
   * Streams one routed call; always ends with exactly one `finish` or `error` part. A local API call
   * (`api` set) streams `wire-event`s or `model-part`s where an app call streams text deltas.
   */
  stream(request: CallRequest & { api: ApiCall }): AsyncGenerator<GatewayPart>;
  stream(request: CallRequest): AsyncGenerator<CallPart>;
}
