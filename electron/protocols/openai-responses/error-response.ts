import type { ProtocolErrorResponse } from '../types';

/** HTTP status and OpenAI error type for each Switchboard code (shared/errors/codes.ts, UnsupportedFieldError). */
const statusByCode: Record<string, [number, string]> = {
  INVALID_INPUT: [400, 'invalid_request_error'],
  UNSUPPORTED_FIELD: [400, 'invalid_request_error'],
  PROVIDER_BAD_REQUEST: [400, 'invalid_request_error'],
  // The provider refused Switchboard's key for it (or there is none): an authentication failure, not a 5xx.
  PROVIDER_AUTH: [401, 'authentication_error'],
  KEY_MISSING: [401, 'authentication_error'],
  UNKNOWN_MODEL: [404, 'invalid_request_error'],
  UNKNOWN_ENDPOINT: [404, 'invalid_request_error'],
  PROVIDER_NOT_FOUND: [404, 'invalid_request_error'],
  PROVIDER_RATE_LIMITED: [429, 'rate_limit_error'],
  BUDGET_REACHED: [429, 'insufficient_quota'],
  CANCELLED: [499, 'cancelled'],
  CONFIG_INVALID: [500, 'server_error'],
  KEYCHAIN_UNAVAILABLE: [500, 'server_error'],
  STORAGE: [500, 'server_error'],
  INTERNAL: [500, 'server_error'],
  PROVIDER_UNAVAILABLE: [503, 'server_error'],
  TIMEOUT: [504, 'server_error'],
};

/** OpenAI's own names where it has one for the same failure. */
const openAICodes: Record<string, string> = {
  UNKNOWN_MODEL: 'model_not_found',
  UNKNOWN_ENDPOINT: 'model_not_found',
  UNSUPPORTED_FIELD: 'unsupported_parameter',
  PROVIDER_RATE_LIMITED: 'rate_limit_exceeded',
};

export function toOpenAICode(code: string): string {
  return openAICodes[code] ?? code.toLowerCase();
}

/** A failure before anything was sent, as OpenAI's error body; 429s say when to retry. */
export function toResponsesErrorResponse(
  code: string,
  message: string,
  options: { retryAfterSeconds?: number; param?: string } = {},
): ProtocolErrorResponse {
  // Anything else went wrong upstream (network, a cut stream, every target failed).
  const [status, type] = statusByCode[code] ?? [502, 'upstream_error'];
  const body = { error: { message, type, param: options.param ?? null, code: toOpenAICode(code) } };
  if (status === 429 && options.retryAfterSeconds !== undefined) {
    return { status, body, headers: { 'retry-after': String(Math.max(0, Math.ceil(options.retryAfterSeconds))) } };
  }
  return { status, body };
}

/**
 * The code a failed `Response` carries: OpenAI's schema allows only its own list, of which these three
 * say what a gateway failure is.
 */
export function toResponseErrorCode(code: string): 'rate_limit_exceeded' | 'invalid_prompt' | 'server_error' {
  if (code === 'PROVIDER_RATE_LIMITED') return 'rate_limit_exceeded';
  if (code === 'INVALID_INPUT' || code === 'UNSUPPORTED_FIELD' || code === 'PROVIDER_BAD_REQUEST') {
    return 'invalid_prompt';
  }
  return 'server_error';
}

/** What an error part of a provider's stream says, for the client. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  return 'The provider reported an error.';
}
