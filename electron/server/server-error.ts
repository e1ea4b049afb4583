import type { ServerResponse } from 'node:http';
import { sendApiError, sendJson } from './send-json';

/** Whose error shape a refusal of the server itself takes: Anthropic's on `/v1/messages*`, else OpenAI's. */
export type ErrorFormat = 'openai' | 'anthropic';

export function errorFormatFor(path: string): ErrorFormat {
  return path === '/v1/messages' || path.startsWith('/v1/messages/') ? 'anthropic' : 'openai';
}

/** Anthropic's error `type` for an HTTP status. */
function anthropicType(status: number): string {
  if (status === 401) return 'authentication_error';
  if (status === 403) return 'permission_error';
  if (status === 404) return 'not_found_error';
  if (status === 413) return 'request_too_large';
  if (status === 429) return 'rate_limit_error';
  return status >= 500 ? 'api_error' : 'invalid_request_error';
}

/**
 * A refusal of the server itself (no key, no such path, a body it will not read) in the client's own
 * error format, so its SDK shows the message instead of a parse failure.
 */
export function sendServerError(
  response: ServerResponse,
  format: ErrorFormat,
  status: number,
  message: string,
  options: { code?: string; headers?: Record<string, string> } = {},
) {
  if (format === 'anthropic') {
    sendJson(response, status, { type: 'error', error: { type: anthropicType(status), message } }, options.headers);
    return;
  }
  sendApiError(response, status, message, options);
}
