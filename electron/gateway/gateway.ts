import { randomUUID } from 'node:crypto';
import type { CallPart, TerminalPart } from '../../shared/types/chat';
import { SwitchboardError } from '../../shared/errors/codes';
import { ProviderError } from '../providers/provider-error';
import type { ProviderPart } from '../providers/types';
import { CallState } from './call-state';
import { orderTargets, retryDelayMs, shouldFailOver } from './failover-policy';
import { responseCacheKey, safeCache } from './response-cache';
import type { CallRequest, Gateway, GatewayDependencies, Resolution, ResolvedTarget } from './types';

type AttemptOutcome = { kind: 'finished' } | { kind: 'failed'; error: ProviderError } | { kind: 'cancelled' };

/** Routes a call over its targets in order, failing over until one answers. */
export function createGateway(dependencies: GatewayDependencies): Gateway {
  const now = dependencies.now ?? (() => performance.now());
  const newId = dependencies.newId ?? randomUUID;
  // Targets that answered 429 wait out their retry-after before being tried first again.
  const coolingUntil = new Map<string, number>();
  const cache = dependencies.cache ? safeCache(dependencies.cache) : undefined;

  async function* stream(request: CallRequest): AsyncGenerator<CallPart> {
    const state = new CallState(newId(), request, now(), new Date().toISOString());
    // The answer is delivered even when its usage row cannot be saved; the part says why.
    const finish = (part: TerminalPart): TerminalPart => {
      try {
        dependencies.record(part.record);
        return part;
      } catch (error) {
        console.error(`switchboard: could not save the usage row: ${(error as Error).message}`);
        return { ...part, notSaved: (error as Error).message };
      }
    };
    const fail = (code: string, message: string, status: 'error' | 'cancelled' | 'interrupted') =>
      finish({ type: 'error', code, message, record: state.toRecord(status, now(), message) });

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
      const outcome = yield* runAttempt(resolved, state);
      if (outcome.kind === 'cancelled') break;
      if (outcome.kind === 'finished') {
        state.attempts.push({
          target: resolved.target,
          startedAtMs: attemptStart - state.startedAt,
          durationMs: now() - attemptStart,
          error: null,
        });
        priceCall(resolved, state);
        if (keeping && state.text.length > 0) {
          const { servedModel, finishReason, text } = state;
          keeping.cache.put(keeping.key, { target: resolved.target, servedModel, finishReason, text }, keeping.ttlMs);
        }
        yield finish({ type: 'finish', record: state.toRecord('ok', now(), null) });
        return;
      }
      const { error } = outcome;
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
        yield fail('INTERRUPTED', `${resolved.target} stopped mid-answer: ${error.message}`, 'interrupted');
        return;
      }
      yield { type: 'attempt-error', attempt };
      if (!shouldFailOver(error, false)) {
        yield fail(error.code, error.message, 'error');
        return;
      }
      const delay = retryDelayMs(error, queue.length === 0, hasRetried);
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

  async function* runAttempt(resolved: ResolvedTarget, state: CallState): AsyncGenerator<CallPart, AttemptOutcome> {
    const { request } = state;
    let iterable: AsyncIterable<ProviderPart>;
    try {
      const isKeyOptional = resolved.endpoint.kind === 'openai-compatible';
      // A local server needs no key, so an unreachable keychain must not stop it.
      const apiKey = await dependencies.getKey(resolved.endpoint.id).catch((error: unknown) => {
        if (isKeyOptional) return undefined;
        throw error;
      });
      if (apiKey === undefined && !isKeyOptional) return { kind: 'failed', error: missingKey(resolved.endpoint.id) };
      iterable = await dependencies.streamTarget(
        { endpoint: resolved.endpoint, model: resolved.model, apiKey },
        { ...request.sampling, messages: request.messages, abortSignal: request.signal },
      );
    } catch (error) {
      if (request.signal?.aborted) return { kind: 'cancelled' };
      return { kind: 'failed', error: asProviderError(error) };
    }
    try {
      for await (const part of iterable) {
        if (request.signal?.aborted) return { kind: 'cancelled' };
        switch (part.type) {
          case 'response-metadata':
            if (part.modelId) state.servedModel = part.modelId;
            break;
          case 'rate-limit':
            // This answer goes on; the next calls try the other targets first.
            coolingUntil.set(resolved.target, Date.now() + part.resetInMs);
            break;
          case 'text-delta':
          case 'reasoning-delta':
            if (part.text.length === 0) break;
            if (state.firstTokenAt === null) {
              state.firstTokenAt = now();
              state.target = resolved.target;
            }
            if (part.type === 'text-delta') state.text += part.text;
            yield { type: part.type, text: part.text };
            break;
          case 'finish':
            state.target = resolved.target;
            state.finishReason = part.finishReason;
            state.usage = part.usage;
            if (part.servedModel) state.servedModel = part.servedModel;
            state.providerCostUSD = part.providerCostUSD;
            return { kind: 'finished' };
          case 'error':
            return { kind: 'failed', error: part.error };
        }
      }
    } catch (error) {
      if (request.signal?.aborted) return { kind: 'cancelled' };
      return { kind: 'failed', error: asProviderError(error) };
    }
    if (request.signal?.aborted) return { kind: 'cancelled' };
    return {
      kind: 'failed',
      error: new ProviderError({
        code: 'INTERRUPTED',
        message: 'the stream ended before the provider finished',
        isRetryable: true,
      }),
    };
  }

  function priceCall(resolved: ResolvedTarget, state: CallState) {
    if (state.usage === null) {
      if (state.providerCostUSD !== undefined) {
        state.costUSD = state.providerCostUSD;
        state.costSource = 'provider';
      }
      return;
    }
    const result = dependencies.price({
      endpointKind: resolved.endpoint.kind,
      baseURL: resolved.endpoint.baseURL,
      model: resolved.model,
      servedModel: state.servedModel,
      usage: state.usage,
      configPrices: resolved.endpoint.prices,
      providerCostUSD: state.providerCostUSD,
    });
    state.costUSD = result.costUSD;
    state.costSource = result.source;
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

function missingKey(endpointId: string): ProviderError {
  return new ProviderError({
    code: 'KEY_MISSING',
    message: `no API key for ${endpointId}: set one in Settings or with \`switchboard keys set ${endpointId}\``,
    isRetryable: true,
  });
}

function asProviderError(error: unknown): ProviderError {
  if (ProviderError.isInstance(error)) return error;
  if (error instanceof SwitchboardError) {
    return new ProviderError({ code: error.code, message: error.message, isRetryable: true, cause: error });
  }
  return new ProviderError({
    code: 'NETWORK',
    message: error instanceof Error ? error.message : String(error),
    isRetryable: true,
    cause: error,
  });
}
