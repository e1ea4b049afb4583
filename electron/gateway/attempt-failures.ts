import { SwitchboardError } from '../../shared/errors/codes';
import { ProviderError } from '../providers/provider-error';
import { limitMessage, type CallLimits, type LimitName } from './call-limits';

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
