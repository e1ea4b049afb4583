import { randomUUID } from 'node:crypto';
import type { CallPart, TerminalPart } from '../../shared/types/chat';
import { SwitchboardError } from '../../shared/errors/codes';
import { ProviderError } from '../providers/provider-error';
import type { ProviderPart } from '../providers/types';
import { AttemptWatch } from './attempt-watch';
import { asProviderError, limitError, missingKey, streamEndedEarly } from './attempt-failures';
import { callLimits, type CallLimits, type LimitName } from './call-limits';
import { CallState } from './call-state';
import { orderTargets, retryDelayMs, shouldFailOver } from './failover-policy';
import { priceCutShort, priceFinished } from './price-call';
import { responseCacheKey, safeCache } from './response-cache';
import type { CallRequest, Gateway, GatewayDependencies, Resolution, ResolvedTarget } from './types';

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

  async function* stream(request: CallRequest): AsyncGenerator<CallPart> {
    const state = new CallState(newId(), request, now(), new Date().toISOString());
    let isRecorded = false;
    // The answer is delivered even when its usage row cannot be saved; the part says why.
    const finish = (part: TerminalPart): TerminalPart => {
      isRecorded = true;
      try {
        dependencies.record(part.record);
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

  async function* runCall(state: CallState, finish: (part: TerminalPart) => TerminalPart): AsyncGenerator<CallPart> {
    const { request } = state;
    // A call cut short is priced from what the provider reported, else from an estimate.
    const fail = (code: string, message: string, status: 'error' | 'cancelled' | 'interrupted') => {
      if (status !== 'error') priceCutShort(dependencies.price, state);
      return finish({ type: 'error', code, message, record: state.toRecord(status, now(), message) });
    };

    let resolution: Resolution;
    try {
      resolution = dependencies.resolve(request.modelId);
    } catch (error) {
      const code = error instanceof SwitchboardError ? error.code : 'UNKNOWN_MODEL';
      yield fail(code, (error as Error).message, 'error');
      return;
    }
    const targets = orderTargets(resolution.targets, coolingUntil, Date.now());

    // Only routes with a cache keep answers.
    const keeping =
      resolution.cacheTtlMs !== undefined && cache
        ? { cache, key: responseCacheKey(request), ttlMs: resolution.cacheTtlMs }
        : undefined;
    const kept = keeping && request.cache !== 'refresh' ? keeping.cache.get(keeping.key) : undefined;
    if (kept) {
      // A replay calls no provider: cost 0, no tokens used.
      state.target = kept.target;
      state.servedModel = kept.servedModel;
      state.finishReason = kept.finishReason;
      state.savedUSD = kept.costUSD ?? null;
      yield { type: 'cache-hit', target: kept.target };
      state.firstTokenAt = now();
      yield { type: 'text-delta', text: kept.text };
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
        state.attempts.push({
          target: resolved.target,
          startedAtMs: attemptStart - state.startedAt,
          durationMs: now() - attemptStart,
          error: null,
        });
        priceFinished(dependencies.price, resolved, state);
        if (keeping && state.text.length > 0) {
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
      const attempt = {
        target: resolved.target,
        startedAtMs: attemptStart - state.startedAt,
        durationMs: now() - attemptStart,
        error: { code: error.code, message: error.message, ...(error.status ? { status: error.status } : {}) },
      };
      state.attempts.push(attempt);
      if (state.hasOutput) {
        // The partial answer stays; the call is marked interrupted, never silently complete.
        state.target = resolved.target;
        if (limit) yield fail(error.code, error.message, 'interrupted');
        else yield fail('INTERRUPTED', `${resolved.target} stopped mid-answer: ${error.message}`, 'interrupted');
        return;
      }
      yield { type: 'attempt-error', attempt };
      if (!shouldFailOver(error, false, limit)) {
        yield fail(error.code, error.message, 'error');
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
    const tried = state.attempts.map((attempt) => `${attempt.target}: ${attempt.error?.message ?? 'ok'}`);
    yield fail(
      targets.length === 1 && lastError ? lastError.code : 'ALL_TARGETS_FAILED',
      targets.length === 1 && lastError
        ? lastError.message
        : `Every target of ${request.modelId} failed. ${tried.join(' | ')}`,
      'error',
    );
  }

  async function* runAttempt(
    resolved: ResolvedTarget,
    state: CallState,
    limits: CallLimits,
  ): AsyncGenerator<CallPart, AttemptOutcome> {
    const { request } = state;
    state.beginAttempt(resolved);
    const watch = new AttemptWatch(limits, now(), state.startedAt + limits.totalMs, now, request.signal);
    const limitHit = (limit: LimitName): AttemptOutcome => ({
      kind: 'failed',
      limit,
      error: limitError(limit, limits, resolved.target, state.hasOutput),
    });
    // Why the attempt stopped when it was not the provider's doing: the caller, or a time limit.
    const stopped = (): AttemptOutcome | undefined => {
      if (request.signal?.aborted) return { kind: 'cancelled' };
      if (watch.hit) return limitHit(watch.hit);
      return undefined;
    };
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
            const bytes = Buffer.byteLength(part.text);
            // Past the size limit the upstream request is aborted before the text is taken in.
            if (state.answerBytes + bytes > limits.maxAnswerBytes) {
              return limitHit('maxAnswerBytes');
            }
            state.answerBytes += bytes;
            watch.token();
            if (state.firstTokenAt === null) {
              state.firstTokenAt = now();
              state.target = resolved.target;
            }
            if (part.type === 'text-delta') state.text += part.text;
            yield { type: part.type, text: part.text };
            break;
          }
          case 'finish':
            state.target = resolved.target;
            state.finishReason = part.finishReason;
            state.usage = part.usage;
            if (part.servedModel) state.servedModel = part.servedModel;
            state.providerCostUSD = part.providerCostUSD;
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
      watch.stop();
    }
  }

  /** Opens the stream at one target with its key; throws a ProviderError when it cannot. */
  async function openStream(
    resolved: ResolvedTarget,
    request: CallRequest,
    abortSignal: AbortSignal,
  ): Promise<AsyncIterable<ProviderPart>> {
    const budget = dependencies.checkBudget?.(request.modelId, resolved.target);
    if (budget && !budget.ok)
      throw new ProviderError({ code: budget.code, message: budget.message, isRetryable: false });
    const isKeyOptional = resolved.endpoint.kind === 'openai-compatible';
    // A local server needs no key, so an unreachable keychain must not stop it.
    const apiKey = await dependencies.getKey(resolved.endpoint.id).catch((error: unknown) => {
      if (isKeyOptional) return undefined;
      throw error;
    });
    if (apiKey === undefined && !isKeyOptional) throw missingKey(resolved.endpoint.id);
    return dependencies.streamTarget(
      { endpoint: resolved.endpoint, model: resolved.model, apiKey },
      { ...request.sampling, messages: request.messages, abortSignal },
    );
  }

  return { stream };
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
