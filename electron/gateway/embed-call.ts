import { randomUUID } from 'node:crypto';
import { SwitchboardError } from '../../shared/errors/codes';
import type { EndpointKind } from '../../shared/types/config';
import type { Attempt, NormalizedUsage, UsageRecord } from '../../shared/types/usage';
import { callDirect } from '../providers/direct-call';
import { rewriteModel } from '../providers/pass-through/rewrite-model';
import { ProviderError } from '../providers/provider-error';
import { redactKey } from '../providers/redact-key';
import { asProviderError } from './attempt-failures';
import { shouldFailOver } from './failover-policy';
import { targetKey } from './target-key';
import type { GatewayDependencies, GatewayErrorPart } from './types';

/** Kinds with OpenAI's `POST /embeddings`. */
export const embeddingKinds: ReadonlySet<EndpointKind> = new Set([
  'openai',
  'openai-compatible',
  'openrouter',
  'vercel',
]);

export type EmbedResult =
  | { ok: true; body: string; target: string }
  | ({ ok: false } & Pick<GatewayErrorPart, 'code' | 'message' | 'upstreamStatus' | 'retryAfterMs'>);

export type Embed = (request: {
  modelId: string;
  body: Record<string, unknown>;
  signal?: AbortSignal;
}) => Promise<EmbedResult>;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * `POST /v1/embeddings` over a model id's targets: passed through to the first that can embed and answers
 * (failing over as a chat call does before its first token), priced by its input tokens, one usage row.
 */
export function createEmbed(
  dependencies: Pick<GatewayDependencies, 'resolve' | 'getKey' | 'price' | 'record' | 'now' | 'checkBudget'> & {
    fetch?: typeof globalThis.fetch;
  },
): Embed {
  const now = dependencies.now ?? (() => performance.now());
  return async ({ modelId, body, signal }) => {
    const startedAt = now();
    const record: UsageRecord = {
      id: randomUUID(),
      createdAt: new Date().toISOString(),
      source: 'api',
      status: 'error',
      requestedModel: modelId,
      target: null,
      servedModel: null,
      finishReason: null,
      timeToFirstTokenMs: null,
      totalMs: 0,
      usage: null,
      tokensPerSecond: null,
      costUSD: null,
      costSource: 'unknown',
      attempts: [],
      error: null,
      conversationId: null,
      apiProtocol: 'openai-embeddings',
      apiPath: null,
    };
    const save = () => {
      record.totalMs = now() - startedAt;
      try {
        dependencies.record(record);
      } catch (error) {
        console.error(`switchboard: could not save the usage row: ${(error as Error).message}`);
      }
    };
    let targets;
    try {
      targets = dependencies.resolve(modelId).targets;
    } catch (error) {
      const code = error instanceof SwitchboardError ? error.code : 'UNKNOWN_MODEL';
      record.error = (error as Error).message;
      save();
      return { ok: false, code, message: record.error };
    }
    const embedding = targets.filter((resolved) => embeddingKinds.has(resolved.endpoint.kind));
    if (embedding.length === 0) {
      const { target, endpoint } = targets[0]!;
      record.error = `${target} cannot embed: ${endpoint.kind} endpoints have no OpenAI embeddings API; route embeddings to an openai, openai-compatible, openrouter or vercel endpoint`;
      save();
      return { ok: false, code: 'UNSUPPORTED_FIELD', message: record.error };
    }
    let lastError: ProviderError | undefined;
    for (const resolved of embedding) {
      const attemptStart = now();
      const attempt: Attempt = {
        target: resolved.target,
        startedAtMs: attemptStart - startedAt,
        durationMs: 0,
        error: null,
      };
      record.attempts.push(attempt);
      try {
        const budget = dependencies.checkBudget?.(modelId, resolved.target);
        if (budget && !budget.ok) {
          throw new ProviderError({ code: budget.code, message: budget.message, isRetryable: false });
        }
        const apiKey = await targetKey(dependencies.getKey, resolved.endpoint);
        const text = await callDirect(
          { endpoint: resolved.endpoint, model: resolved.model, apiKey },
          '/embeddings',
          { protocol: 'openai-chat', body, forwardHeaders: {} },
          { signal, fetch: dependencies.fetch },
        );
        attempt.durationMs = now() - attemptStart;
        const answer = readAnswer(text, resolved.endpoint.id, apiKey);
        const inputTokens = typeof answer.usage?.prompt_tokens === 'number' ? answer.usage.prompt_tokens : null;
        record.status = 'ok';
        record.target = resolved.target;
        record.apiPath = 'pass-through';
        record.servedModel = typeof answer.model === 'string' ? answer.model : null;
        if (inputTokens !== null) {
          const usage: NormalizedUsage = {
            inputTokens,
            cacheReadTokens: 0,
            cacheWriteTokens: 0,
            outputTokens: 0,
            reasoningTokens: null,
          };
          record.usage = usage;
          const cost = dependencies.price({
            endpointKind: resolved.endpoint.kind,
            baseURL: resolved.endpoint.baseURL,
            model: resolved.model,
            servedModel: record.servedModel,
            usage,
            configPrices: resolved.endpoint.prices,
          });
          record.costUSD = cost.costUSD;
          record.costSource = cost.source;
        }
        save();
        return { ok: true, body: rewriteModel(text, resolved.target), target: resolved.target };
      } catch (error) {
        lastError = asProviderError(error);
        attempt.durationMs = now() - attemptStart;
        attempt.error = {
          code: lastError.code,
          message: lastError.message,
          ...(lastError.status ? { status: lastError.status } : {}),
        };
        if (signal?.aborted) {
          record.status = 'cancelled';
          break;
        }
        if (!shouldFailOver(lastError, false)) break;
      }
    }
    const error = lastError!;
    record.error = error.message;
    save();
    const isAlike = record.attempts.every((attempt) => attempt.error?.code === error.code);
    return {
      ok: false,
      code: record.status === 'cancelled' ? 'CANCELLED' : isAlike ? error.code : 'ALL_TARGETS_FAILED',
      message:
        record.attempts.length === 1
          ? error.message
          : `Every target of ${modelId} failed. ${record.attempts.map((attempt) => `${attempt.target}: ${attempt.error?.message}`).join(' | ')}`,
      upstreamStatus: error.status,
      retryAfterMs: error.retryAfterMs,
    };
  };
}

function readAnswer(text: string, endpointId: string, apiKey: string | undefined): Json {
  try {
    const answer: unknown = JSON.parse(text);
    if (answer && typeof answer === 'object') return answer as Json;
  } catch {
    // Said below.
  }
  throw new ProviderError({
    code: 'PROVIDER_STREAM_ERROR',
    isRetryable: true,
    message: `${endpointId} answered with a body Switchboard could not read: ${redactKey(text.slice(0, 200), apiKey)}`,
  });
}
