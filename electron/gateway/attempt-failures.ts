import { SwitchboardError } from '../../shared/errors/codes';
import { ProviderError } from '../providers/provider-error';
import type { Attempt } from '../../shared/types/usage';
import { limitMessage, type CallLimits, type LimitName } from './call-limits';
import type { TerminalPart } from '../../shared/types/chat';
import type { CallRequest, GatewayErrorPart } from './types';

/** One of the call's own limits stopped the attempt: a time limit, or the answer's size. */
export function limitError(limit: LimitName, limits: CallLimits, target: string, hasOutput: boolean): ProviderError {
  return new ProviderError({
    code: limit === 'maxAnswerBytes' ? 'ANSWER_TOO_LARGE' : 'TIMEOUT',
    message: limitMessage(limit, limits, target, hasOutput),
    // Another target may start in time; none makes a call shorter or an answer smaller.
    isRetryable: limit === 'firstTokenMs',
  });
}

export function streamEndedEarly(): ProviderError {
  return new ProviderError({
    code: 'INTERRUPTED',
    message: 'the stream ended before the provider finished',
    isRetryable: true,
  });
}

export function missingKey(endpointId: string): ProviderError {
  return new ProviderError({
    code: 'KEY_MISSING',
    message: `no API key for ${endpointId}: set one in Settings or with \`switchboard keys set ${endpointId}\``,
    isRetryable: true,
  });
}

export function asProviderError(error: unknown): ProviderError {
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

/**
 * The call's failure when no target answered: a lone target's own, else every reason. An API client is told
 * what every target said alike (all refused the key, all rate-limited), so it can act on it; anything mixed
 * is ALL_TARGETS_FAILED.
 */
export function noTargetAnswered(
  request: CallRequest,
  targetCount: number,
  attempts: Attempt[],
  lastError: ProviderError | undefined,
): { code: string; message: string } {
  if (!lastError) return { code: 'ALL_TARGETS_FAILED', message: `No target of ${request.modelId} was tried.` };
  const tried = attempts.map((attempt) => `${attempt.target}: ${attempt.error?.message ?? 'ok'}`);
  const isAlike = request.api !== undefined && attempts.every((attempt) => attempt.error?.code === lastError.code);
  return {
    code: targetCount === 1 || isAlike ? lastError.code : 'ALL_TARGETS_FAILED',
    message: targetCount === 1 ? lastError.message : `Every target of ${request.modelId} failed. ${tried.join(' | ')}`,
  };
}

/** What a local API client needs to answer a failure in its protocol: a refused key, a wait, the field refused. */
export function forApiClient(part: TerminalPart, cause: ProviderError | undefined): GatewayErrorPart {
  if (part.type !== 'error' || !cause) return part as GatewayErrorPart;
  const { status: upstreamStatus, retryAfterMs, param } = cause;
  return { ...part, upstreamStatus, retryAfterMs, param };
}
