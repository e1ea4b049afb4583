/**
 * Token counts of one call, normalized the same way for every provider.
 * `inputTokens` is the whole prompt (cache reads and writes included);
 * `outputTokens` is everything generated (reasoning included).
 */
export interface NormalizedUsage {
  inputTokens: number;
  /** Prompt tokens read from the provider's cache. */
  cacheReadTokens: number;
  /** Prompt tokens written to the provider's cache. */
  cacheWriteTokens: number;
  outputTokens: number;
  /** Part of `outputTokens` spent on reasoning; null where the provider does not report it. */
  reasoningTokens: number | null;
}

/**
 * Where a call's cost came from. `unknown` means no price was found: the cost is null, never 0.
 * `cache` means a kept answer was replayed: no provider was called, and the cost is 0.
 * `estimate` means the call was cut short (cancelled, interrupted) before the provider said what it
 * used: some token counts are estimated from the text sent and received (catalog/estimate-usage.ts)
 * and the cost, priced from them, is an estimate too (null when no price is known).
 */
export type CostSource = 'config' | 'catalog' | 'provider' | 'cache' | 'estimate' | 'unknown';

/** How a call ended. */
export type CallStatus = 'ok' | 'error' | 'cancelled' | 'interrupted';

/** Who made a call: the desktop/browser app, or a client of the local API. */
export type CallSource = 'app' | 'api';

/** The protocol a local API client spoke: Chat Completions, Anthropic Messages, Responses, or embeddings. */
export type ApiProtocol = 'openai-chat' | 'anthropic' | 'openai-responses' | 'openai-embeddings';

/**
 * How a local API call was served: `pass-through` (the target speaks the client's protocol: the body went
 * as sent, only `model` rewritten), `translated` (through the AI SDK's neutral call), or `cache` (replayed).
 */
export type ApiPath = 'pass-through' | 'translated' | 'cache';

/** One try at one target during a routed call. */
export interface Attempt {
  /** `endpoint-id/model`. */
  target: string;
  /** Milliseconds since the call started. */
  startedAtMs: number;
  durationMs: number;
  /** Null when this attempt served the call. */
  error: { code: string; message: string; status?: number } | null;
}

/** Why one target of a route went where it did in a call's order. */
export interface ConsideredTarget {
  target: string;
  /**
   * `ranked`: placed by the strategy; `benched`: skipped, its circuit is open after failures; `probe`: tried
   * once after its bench ended; `too-small`: skipped, its context window is below the request's estimated
   * input; `unpriced`: no price known (cheapest puts it last); `unmeasured`: no recent calls (fastest);
   * `missing-capability`: skipped, it cannot take something the request needs (tools, images, structured
   * output), named in `why`; `left-out`: the request itself narrowed the route without it.
   */
  status:
    | 'ranked'
    | 'benched'
    | 'probe'
    | 'too-small'
    | 'unpriced'
    | 'unmeasured'
    | 'exploring'
    | 'missing-capability'
    | 'left-out';
  /** A short human reason: the price, the speed, the bench's end, the window. */
  why: string;
  /** For a benched target: when its bench ends (ISO 8601). */
  until?: string;
  /** What the target's attempt did: `served`, an error code, or `not-tried`. */
  outcome?: string;
}

/** How a route ordered its targets for one call (electron/routing/). */
export interface RouteDecision {
  strategy: 'ordered' | 'cheapest' | 'fastest' | 'weighted';
  /** The request's input, estimated from its text (UTF-8 bytes / 4). */
  estimatedInputTokens: number;
  /** Every target of the route, in the order tried (skipped ones last). */
  considered: ConsideredTarget[];
  /** How the request narrowed or reordered the route for itself (`only a/m; order b/m`); absent when it did not. */
  narrowed?: string;
  /** What the request needs of a target (`tools`, `images`, `structured-output`); absent when nothing special. */
  needs?: Capability[];
}

/** What a request may need of a target beyond text. */
export type Capability = 'tools' | 'images' | 'structured-output';

/** One usage row: everything measured about one call. Keys never appear here. */
export interface UsageRecord {
  id: string;
  /** ISO 8601 time the call started. */
  createdAt: string;
  source: CallSource;
  status: CallStatus;
  /** The model id the caller asked for: `endpoint-id/model` or a route name. */
  requestedModel: string;
  /** The target that served (`endpoint-id/model`), null when none did. */
  target: string | null;
  /** The model as the provider named it in its response. */
  servedModel: string | null;
  /** The provider's own finish value (`stop`, `end_turn`, `STOP`, ...). */
  finishReason: string | null;
  timeToFirstTokenMs: number | null;
  totalMs: number;
  usage: NormalizedUsage | null;
  /** Output tokens per second, measured from the first token to the end. */
  tokensPerSecond: number | null;
  /** USD; null when no price is known. */
  costUSD: number | null;
  costSource: CostSource;
  attempts: Attempt[];
  /** The final error message (no secrets) when status is not ok. */
  error: string | null;
  conversationId: string | null;
  /** The protocol of a local API call; null for the app's own calls. */
  apiProtocol: ApiProtocol | null;
  /** How a local API call was served; null for the app's own calls and calls no target served. */
  apiPath: ApiPath | null;
  /**
   * For a replay from a route's cache (cost source `cache`): what the kept answer cost when it was first made,
   * which this replay saved. Null when that price was unknown, and on every call that is not a replay.
   */
  savedUSD?: number | null;
  /** How a route chose its order for this call; absent for a call to one model id, and for older rows. */
  routeDecision?: RouteDecision | null;
}
