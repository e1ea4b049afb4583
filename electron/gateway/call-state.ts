import { withOutcomes, type RoutePlan } from '../routing/create-router';
import type { ApiPath, Attempt, CallStatus, NormalizedUsage, UsageRecord } from '../../shared/types/usage';
import type { ProviderError } from '../providers/provider-error';
import type { CallRequest, ResolvedTarget } from './types';
import { tokensPerSecond } from './failover-policy';

/** What one routed call has measured so far; turned into its usage row at the end. */
export class CallState {
  readonly attempts: Attempt[] = [];
  target: string | null = null;
  servedModel: string | null = null;
  finishReason: string | null = null;
  firstTokenAt: number | null = null;
  usage: NormalizedUsage | null = null;
  costUSD: number | null = null;
  providerCostUSD: number | undefined;
  costSource: UsageRecord['costSource'] = 'unknown';
  /** The answer's text, kept only while the route keeps answers (`isKeepingText`). */
  text = '';
  isKeepingText = false;
  /** The target of the attempt running now, or of the last one. */
  serving: ResolvedTarget | null = null;
  /** UTF-8 bytes of text and reasoning taken in so far, for the size limit and estimates. */
  answerBytes = 0;
  /** The running token counts the serving target reported, for a call cut short. */
  reportedUsage: NormalizedUsage | null = null;
  /** How the attempt running now (or the last one) serves a local API call. */
  apiPath: ApiPath | null = null;
  /** The answer calls a tool (or holds other content than text): it is not kept for replay. */
  hasToolCalls = false;
  /** A replay's saving: what the kept answer cost when it was made. */
  savedUSD: number | null = null;
  /** How the route ordered its targets, when the model id names a route with a router. */
  routePlan: RoutePlan | null = null;

  constructor(
    readonly id: string,
    readonly request: CallRequest,
    readonly startedAt: number,
    readonly startedAtIso: string,
  ) {}

  get hasOutput(): boolean {
    return this.firstTokenAt !== null;
  }

  /** A new attempt: what an earlier one reported is not this one's. */
  beginAttempt(resolved: ResolvedTarget): void {
    this.serving = resolved;
    this.reportedUsage = null;
  }

  /** Records one try at a target: served (no error) or failed. */
  addAttempt(target: string, startedAt: number, endedAt: number, error: ProviderError | null): Attempt {
    const attempt: Attempt = {
      target,
      startedAtMs: startedAt - this.startedAt,
      durationMs: endedAt - startedAt,
      error: error && { code: error.code, message: error.message, ...(error.status ? { status: error.status } : {}) },
    };
    this.attempts.push(attempt);
    return attempt;
  }

  toRecord(status: CallStatus, endedAt: number, error: string | null): UsageRecord {
    const streamingMs = this.firstTokenAt === null ? 0 : endedAt - this.firstTokenAt;
    return {
      id: this.id,
      createdAt: this.startedAtIso,
      source: this.request.source,
      status,
      requestedModel: this.request.modelId,
      target: this.target,
      servedModel: this.servedModel,
      finishReason: this.finishReason,
      timeToFirstTokenMs: this.firstTokenAt === null ? null : this.firstTokenAt - this.startedAt,
      totalMs: endedAt - this.startedAt,
      usage: this.usage,
      tokensPerSecond: tokensPerSecond(this.usage?.outputTokens, streamingMs),
      costUSD: this.costUSD,
      costSource: this.costSource,
      attempts: this.attempts,
      error,
      conversationId: this.request.conversationId ?? null,
      apiProtocol: this.request.api?.protocol ?? null,
      apiPath: this.target === null ? null : this.apiPath,
      savedUSD: this.savedUSD,
      ...(this.routePlan ? { routeDecision: withOutcomes(this.routePlan.decision, this.attempts) } : {}),
    };
  }
}
