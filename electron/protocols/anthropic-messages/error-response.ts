import type { ProtocolErrorResponse } from '../types';
import { sseEvent } from './sse-event';

/** Anthropic's error types (https://docs.anthropic.com/en/api/errors). */
export type AnthropicErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'permission_error'
  | 'not_found_error'
  | 'rate_limit_error'
  | 'api_error'
  | 'timeout_error'
  | 'overloaded_error';

/**
 * Switchboard's error codes as Anthropic's status and type. A provider's refusal of the key Switchboard
 * holds for it keeps its 401 (the message names the endpoint whose key to fix); a provider that cannot
 * serve is "overloaded" (529), which Anthropic's clients retry.
 */
const statusByCode: Record<string, [number, AnthropicErrorType]> = {
  INVALID_INPUT: [400, 'invalid_request_error'],
  UNSUPPORTED_FIELD: [400, 'invalid_request_error'],
  PROVIDER_BAD_REQUEST: [400, 'invalid_request_error'],
  PROVIDER_AUTH: [401, 'authentication_error'],
  KEY_MISSING: [401, 'authentication_error'],
  FORBIDDEN: [403, 'permission_error'],
  UNKNOWN_MODEL: [404, 'not_found_error'],
  UNKNOWN_ENDPOINT: [404, 'not_found_error'],
  UNKNOWN_ROUTE: [404, 'not_found_error'],
  UNKNOWN_CONVERSATION: [404, 'not_found_error'],
  PROVIDER_NOT_FOUND: [404, 'not_found_error'],
  PROVIDER_RATE_LIMITED: [429, 'rate_limit_error'],
  BUDGET_REACHED: [429, 'rate_limit_error'],
  CANCELLED: [499, 'api_error'],
  PROVIDER_UNAVAILABLE: [529, 'overloaded_error'],
  TIMEOUT: [504, 'timeout_error'],
  NETWORK: [502, 'api_error'],
  PROVIDER_STREAM_ERROR: [502, 'api_error'],
  INTERRUPTED: [502, 'api_error'],
  ANSWER_TOO_LARGE: [502, 'api_error'],
  ALL_TARGETS_FAILED: [502, 'api_error'],
};

/** The HTTP status and Anthropic error type for a Switchboard error code (500 api_error when unknown). */
export function anthropicErrorFor(code: string): { status: number; type: AnthropicErrorType } {
  const [status, type] = statusByCode[code] ?? [500, 'api_error'];
  return { status, type };
}

export function errorBody(type: AnthropicErrorType, message: string) {
  return { type: 'error', error: { type, message } };
}

/** A failure before anything was sent: Anthropic's error body, with `retry-after` when a wait is known. */
export function toMessagesErrorResponse(
  code: string,
  message: string,
  options: { retryAfterSeconds?: number } = {},
): ProtocolErrorResponse {
  const { status, type } = anthropicErrorFor(code);
  const wait = options.retryAfterSeconds;
  return {
    status,
    body: errorBody(type, message),
    ...(wait !== undefined && wait >= 0 ? { headers: { 'retry-after': String(Math.ceil(wait)) } } : {}),
  };
}

/** A failure after the stream began: Anthropic's `error` event, never a clean end. */
export function errorEvent(code: string, message: string): string {
  return sseEvent(errorBody(anthropicErrorFor(code).type, message));
}
