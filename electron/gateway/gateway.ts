import { randomUUID } from 'node:crypto';
import type { CallStatus, TerminalPart } from '../../shared/types/chat';
import { SwitchboardError } from '../../shared/errors/codes';
import { isPassThrough } from '../providers/language-model';
import { ProviderError } from '../providers/provider-error';
import { AttemptWatch } from './attempt-watch';
import { asProviderError, forApiClient, limitError, noTargetAnswered, streamEndedEarly } from './attempt-failures';
import { callLimits, type CallLimits, type LimitName } from './call-limits';
import { replayParts } from './cache-replay';
import { CallState } from './call-state';
import { orderTargets, retryDelayMs, shouldFailOver } from './failover-policy';
import { modelPartKind, modelPartText, type ContentKind } from './part-content';
import { priceCutShort, priceFinished } from './price-call';
import { isKeepable, responseCacheKey, safeCache } from './response-cache';
import { targetKey } from './target-key';
import { noTargetLeft } from '../routing/create-router';
import type {
  CallRequest,
  Gateway,
  GatewayDependencies,
  GatewayErrorPart,
  GatewayPart,
  Resolution,
  ResolvedTarget,
} from './types';

type AttemptOutcome =
  | { kind: 'finished' }
  /** `limit` when one of the call's own limits stopped it rather than the provider. */
  | { kind: 'failed'; error: ProviderError; limit?: LimitName }
  | { kind: 'cancelled' };

/** Routes a call over its targets in order, failing over until one answers. */
export function createGateway(dependencies: GatewayDependencies): Gateway {
  const now = dependencies.now ?? (() => performance.now());
  const newId = dependencies.newId ?? randomUUID;
  // Targets that answered 429 wait out their retry-after before being tried first again.
  const coolingUntil = new Map<string, number>();
  const cache = dependencies.cache ? safeCache(dependencies.cache) : undefined;

  async function* stream(request: CallRequest): AsyncGenerator<GatewayPart> {
    const state = new CallState(newId(), request, now(), new Date().toISOString());
    state.isKeepingText = dependencies.wantsText?.() ?? false;
    let isRecorded = false;
    // The answer is delivered even when its usage row cannot be saved; the part says why.
    const finish = (part: TerminalPart): TerminalPart => {
      isRecorded = true;
      try {
        dependencies.record(part.record, { request, text: state.text });
        return part;
      } catch (error) {
        console.error(`switchboard: could not save the usage row: ${(error as Error).message}`);
        return { ...part, notSaved: (error as Error).message };
      }
    };
    let failure: Error | undefined;
    try {
      yield* runCall(state, finish);
    } catch (error) {
      failure = error as Error;
      throw error;
    } finally {
      if (state.routePlan) dependencies.router?.settle(state.routePlan);
      // The caller stopped reading before the end (a loop broke, a response failed): the call, billed
      // all the same, still gets its one row.
      if (!isRecorded) {
        const message = failure
          ? `The call failed inside Switchboard: ${failure.message}`
          : 'The caller stopped reading the answer.';
        priceCutShort(dependencies.price, state);
        const record = state.toRecord(failure ? 'error' : 'cancelled', now(), message);
        finish({ type: 'error', code: failure ? 'INTERNAL' : 'CANCELLED', message, record });
      }
    }
  }

  async function* runCall(state: CallState, finish: (part: TerminalPart) => TerminalPart): AsyncGenerator<GatewayPart> {
    const { request } = state;
    // A call cut short is priced from what the provider reported, else from an estimate.
    const fail = (code: string, message: string, status: CallStatus, cause?: ProviderError): GatewayErrorPart => {
      if (status !== 'error') priceCutShort(dependencies.price, state);
      const part = finish({ type: 'error', code, message, record: state.toRecord(status, now(), message) });
      return request.api ? forApiClient(part, cause) : (part as GatewayErrorPart);
    };

    let resolution: Resolution;
    try {
      resolution = dependencies.resolve(request.modelId);
    } catch (error) {
      const code = error instanceof SwitchboardError ? error.code : 'UNKNOWN_MODEL';
      yield fail(code, (error as Error).message, 'error');
      return;
    }
    const { router } = dependencies;
    // A request that narrows a single model id is routed as a route of one target, so its decision says so.
    const routing = resolution.routing ?? (request.route && { name: request.modelId, strategy: 'ordered' as const });
    try {
      state.routePlan = router && routing ? router.plan(routing, resolution.targets, request) : null;
    } catch (error) {
      const code = error instanceof SwitchboardError ? error.code : 'INTERNAL';
      yield fail(code, (error as Error).message, 'error');
      return;
    }
    if (state.routePlan?.targets.length === 0) {
      const { code, message } = noTargetLeft(request.modelId, state.routePlan.decision);
      yield fail(code, message, 'error');
      return;
    }
    if (request.api && state.routePlan) yield { type: 'route-decision', decision: state.routePlan.decision };
    const targets = orderTargets(state.routePlan?.targets ?? resolution.targets, coolingUntil, Date.now());

    // Only routes with a cache keep answers.
    const keeping =
      resolution.cacheTtlMs !== undefined && cache
        ? { cache, key: responseCacheKey(request), ttlMs: resolution.cacheTtlMs }
        : undefined;
    state.isKeepingText ||= keeping !== undefined;
    const found = keeping && request.cache !== 'refresh' ? keeping.cache.get(keeping.key) : undefined;
    // A request that narrowed its route replays only an answer from a target it kept.
    const kept =
      found && (!request.route || targets.some((resolved) => resolved.target === found.target)) ? found : undefined;
    if (kept) {
      // A replay calls no provider: cost 0, no tokens used.
      state.target = kept.target;
      state.servedModel = kept.servedModel;
      state.finishReason = kept.finishReason;
      state.savedUSD = kept.costUSD ?? null;
      yield { type: 'cache-hit', target: kept.target };
      state.firstTokenAt = now();
      if (request.api) state.apiPath = 'cache';
      yield* replayParts(kept, request.api !== undefined);
      state.costUSD = 0;
      state.costSource = 'cache';
      yield finish({ type: 'finish', record: state.toRecord('ok', now(), null) });
      return;
    }

    let lastError: ProviderError | undefined;
    const queue = [...targets];
    let hasRetried = false;
    while (queue.length > 0) {
      const resolved = queue.shift()!;
      if (request.signal?.aborted) break;
      yield { type: 'attempt-start', target: resolved.target };
      const attemptStart = now();
      const limits = callLimits(resolution.route, resolved.endpoint);
      const outcome = yield* runAttempt(resolved, state, limits);
      if (outcome.kind === 'cancelled') break;
      if (outcome.kind === 'finished') {
        state.addAttempt(resolved.target, attemptStart, now(), null);
        // A local API client has its whole answer before the call is priced and its row written.
        if (request.api) yield { type: 'answer-end' };
        router?.report(resolved.target, { ok: true });
        priceFinished(dependencies.price, resolved, state);
        if (keeping && state.text.length > 0 && isKeepable(state)) {
          const { servedModel, finishReason, text, costUSD } = state;
          const answer = { target: resolved.target, servedModel, finishReason, text, costUSD };
          keeping.cache.put(keeping.key, answer, keeping.ttlMs);
        }
        yield finish({ type: 'finish', record: state.toRecord('ok', now(), null) });
        return;
      }
      const { error, limit } = outcome;
      lastError = error;
      if (error.retryAfterMs !== undefined || error.code === 'PROVIDER_RATE_LIMITED') {
        coolingUntil.set(resolved.target, Date.now() + (error.retryAfterMs ?? 10_000));
      }
      const attempt = state.addAttempt(resolved.target, attemptStart, now(), error);
      if (isTargetsFault(error, limit)) router?.report(resolved.target, { ok: false, reason: error.message });
      if (state.hasOutput) {
        // The partial answer stays; the call is marked interrupted, never silently complete.
        state.target = resolved.target;
        if (limit) yield fail(error.code, error.message, 'interrupted');
        else yield fail('INTERRUPTED', `${resolved.target} stopped mid-answer: ${error.message}`, 'interrupted');
        return;
      }
      yield { type: 'attempt-error', attempt };
      if (!shouldFailOver(error, false, limit)) {
        yield fail(error.code, error.message, 'error', error);
        return;
      }
      const delay = retryDelayMs(error, queue.length === 0, hasRetried, limit);
      if (delay !== null) {
        hasRetried = true;
        await sleep(delay, request.signal);
        queue.push(resolved);
      }
    }

    if (request.signal?.aborted) {
      yield fail('CANCELLED', 'Cancelled by the user.', 'cancelled');
      return;
    }
    const { code, message } = noTargetAnswered(request, targets.length, state.attempts, lastError);
    yield fail(code, message, 'error', lastError);
  }

  async function* runAttempt(
    resolved: ResolvedTarget,
    state: CallState,
    callLimits: CallLimits,
  ): AsyncGenerator<GatewayPart, AttemptOutcome> {
    const { request } = state;
    state.beginAttempt(resolved);
    const isPassing = request.api !== undefined && isPassThrough(resolved.endpoint.kind, request.api.protocol);
    if (request.api) state.apiPath = isPassing ? 'pass-through' : 'translated';
    // A provider called without streaming has no first token before its whole answer: only the call's
    // own time limit applies.
    const limits =
      isPassing && !request.api!.isStream ? { ...callLimits, firstTokenMs: callLimits.totalMs } : callLimits;
    const watch = new AttemptWatch(limits, now(), state.startedAt + limits.totalMs, now, request.signal);
    const limitHit = (limit: LimitName): AttemptOutcome => ({
      kind: 'failed',
      limit,
      error: limitError(limit, limits, resolved.target, state.hasOutput),
    });
    // The commit gate: an API call's events before its first content wait here, and are dropped with
    // the attempt if it fails, so the next target starts clean.
    const held: GatewayPart[] = [];
    /** Takes in one part's content; an outcome when it cannot be taken (past the size limit). */
    const admit = (kind: ContentKind, text: string): AttemptOutcome | undefined => {
      const bytes = text.length === 0 ? 0 : Buffer.byteLength(text);
      // Past the size limit the upstream request is aborted before the text is taken in.
      if (state.answerBytes + bytes > limits.maxAnswerBytes) return limitHit('maxAnswerBytes');
      state.answerBytes += bytes;
      watch.token();
      if (state.firstTokenAt === null) {
        state.firstTokenAt = now();
        state.target = resolved.target;
      }
      if (kind === 'text') {
        if (state.isKeepingText) state.text += text;
      } else if (kind !== 'reasoning') state.hasToolCalls = true;
      return undefined;
    };
    // Why the attempt stopped when it was not the provider's doing: the caller, or a time limit.
    const stopped = (): AttemptOutcome | undefined => {
      if (request.signal?.aborted) return { kind: 'cancelled' };
      if (watch.hit) return limitHit(watch.hit);
      return undefined;
    };
    // A pass-through stream that finished has ended its upstream request itself (read to the end).
    let isUpstreamEnded = false;
    try {
      const iterable = await openStream(resolved, request, watch.signal);
      for await (const part of iterable) {
        const halt = stopped();
        if (halt) return halt;
        switch (part.type) {
          case 'response-metadata':
            if (part.modelId) state.servedModel = part.modelId;
            break;
          case 'rate-limit':
            // This answer goes on; the next calls try the other targets first.
            coolingUntil.set(resolved.target, Date.now() + part.resetInMs);
            break;
          case 'usage':
            state.reportedUsage = part.usage;
            break;
          case 'text-delta':
          case 'reasoning-delta': {
            if (part.text.length === 0) break;
            const refused = admit(part.type === 'text-delta' ? 'text' : 'reasoning', part.text);
            if (refused) return refused;
            yield { type: part.type, text: part.text };
            break;
          }
          case 'wire-event':
          case 'model-part': {
            const kind = part.type === 'wire-event' ? part.content : modelPartKind(part.part);
            if (kind === undefined) {
              if (state.hasOutput) yield part;
              else held.push(part);
              break;
            }
            const text = part.type === 'wire-event' ? (part.text ?? '') : modelPartText(part.part);
            const refused = admit(kind, text);
            if (refused) return refused;
            if (held.length > 0) yield* held.splice(0);
            yield part;
            break;
          }
          case 'finish':
            state.target = resolved.target;
            state.finishReason = part.finishReason;
            state.usage = part.usage;
            if (part.servedModel) state.servedModel = part.servedModel;
            state.providerCostUSD = part.providerCostUSD;
            // An answer without content (an empty completion) still reaches the client whole.
            if (held.length > 0) yield* held.splice(0);
            isUpstreamEnded = isPassing;
            return { kind: 'finished' };
          case 'error':
            return stopped() ?? { kind: 'failed', error: part.error };
        }
      }
      return stopped() ?? { kind: 'failed', error: streamEndedEarly() };
    } catch (error) {
      return stopped() ?? { kind: 'failed', error: asProviderError(error) };
    } finally {
      // Whatever ended the attempt (a limit, the caller stopping early), the upstream request ends too.
      watch.stop(isUpstreamEnded);
    }
  }

  /** Opens the stream at one target with its key; throws a ProviderError when it cannot. */
  async function openStream(resolved: ResolvedTarget, request: CallRequest, abortSignal: AbortSignal) {
    const budget = dependencies.checkBudget?.(request.modelId, resolved.target);
    if (budget && !budget.ok)
      throw new ProviderError({ code: budget.code, message: budget.message, isRetryable: false });
    const apiKey = await targetKey(dependencies.getKey, resolved.endpoint);
    return dependencies.streamTarget(
      { endpoint: resolved.endpoint, model: resolved.model, apiKey },
      { ...request.sampling, messages: request.messages, abortSignal, api: request.api },
    );
  }

  return { stream } as Gateway;
}

/** Failures that say something about the target, not about the request, the call's own limits or a budget. */
function isTargetsFault(error: ProviderError, limit: LimitName | undefined): boolean {
  if (limit === 'totalMs' || limit === 'maxAnswerBytes') return false;
  return error.code !== 'PROVIDER_BAD_REQUEST' && error.code !== 'BUDGET_REACHED';
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
