import type { ErrorCode } from '../../../shared/errors/codes';
import type { ProtocolErrorResponse } from '../types';

type Code = ErrorCode | 'UNSUPPORTED_FIELD';

/** HTTP status and OpenAI error `type` for every Switchboard code (a new code does not compile until it is here). */
const statuses: Record<Code, [number, string]> = {
  INVALID_INPUT: [400, 'invalid_request_error'],
  UNSUPPORTED_FIELD: [400, 'invalid_request_error'],
  PROVIDER_BAD_REQUEST: [400, 'invalid_request_error'],
  // The provider refused Switchboard's key for it (or none is kept): not retried, unlike a 5xx.
  PROVIDER_AUTH: [401, 'authentication_error'],
  KEY_MISSING: [401, 'authentication_error'],
  FORBIDDEN: [403, 'permission_error'],
  UNKNOWN_MODEL: [404, 'invalid_request_error'],
  UNKNOWN_ENDPOINT: [404, 'invalid_request_error'],
  UNKNOWN_ROUTE: [404, 'invalid_request_error'],
  UNKNOWN_CONVERSATION: [404, 'invalid_request_error'],
  PROVIDER_NOT_FOUND: [404, 'invalid_request_error'],
  PROVIDER_RATE_LIMITED: [429, 'rate_limit_error'],
  // A monthly budget set to stop is reached: OpenAI's own words for a spent quota.
  BUDGET_REACHED: [429, 'insufficient_quota'],
  CANCELLED: [499, 'cancelled'],
  INTERNAL: [500, 'server_error'],
  CONFIG_INVALID: [500, 'server_error'],
  KEYCHAIN_UNAVAILABLE: [500, 'server_error'],
  STORAGE: [500, 'server_error'],
  PROVIDER_STREAM_ERROR: [502, 'upstream_error'],
  NETWORK: [502, 'upstream_error'],
  ANSWER_TOO_LARGE: [502, 'upstream_error'],
  ALL_TARGETS_FAILED: [502, 'upstream_error'],
  PROVIDER_UNAVAILABLE: [503, 'server_error'],
  INTERRUPTED: [503, 'server_error'],
  DISCONNECTED: [503, 'server_error'],
  TIMEOUT: [504, 'timeout'],
};

const openAICodes: Partial<Record<Code, string>> = {
  UNKNOWN_MODEL: 'model_not_found',
  UNKNOWN_ENDPOINT: 'model_not_found',
  UNKNOWN_ROUTE: 'model_not_found',
  UNSUPPORTED_FIELD: 'unsupported_parameter',
  PROVIDER_RATE_LIMITED: 'rate_limit_exceeded',
};

/** OpenAI's error object for a Switchboard error code. */
export function toOpenAIError(code: string, message: string, param?: string) {
  // A code from elsewhere is a failure upstream.
  const [status, type] = statuses[code as Code] ?? [502, 'upstream_error'];
  const body = {
    error: { message, type, param: param ?? null, code: openAICodes[code as Code] ?? code.toLowerCase() },
  };
  return { status, body };
}

/** A failure before anything was sent; a 429 or 503 always says when to come back (`retry-after`, seconds). */
export function toChatErrorResponse(
  code: string,
  message: string,
  options: { retryAfterSeconds?: number; param?: string } = {},
): ProtocolErrorResponse {
  const { status, body } = toOpenAIError(code, message, options.param);
  const isBusy = status === 429 || status === 503;
  if (!isBusy) return { status, body };
  // Without a provider's word, one second: OpenAI's clients then wait and retry instead of giving up.
  const seconds = Math.max(1, Math.ceil(options.retryAfterSeconds ?? 1));
  return { status, body, headers: { 'retry-after': String(seconds) } };
}
