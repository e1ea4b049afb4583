import type { ServerResponse } from 'node:http';
import { toHeaderValue } from './header-value';

/** Sends a JSON answer; header values are made safe, so a model id in one never throws. */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  if (response.headersSent) {
    response.end();
    return;
  }
  const safeHeaders = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, toHeaderValue(value)]));
  response.writeHead(status, { 'content-type': 'application/json', ...safeHeaders }).end(JSON.stringify(body));
}

/** OpenAI's error body: `{ error: { message, type, param, code } }`, which its clients read. */
export function apiErrorBody(message: string, type: string, code: string | null) {
  return { error: { message, type, param: null, code } };
}

/** An error of the server itself (not of a call) in OpenAI's format. */
export function sendApiError(
  response: ServerResponse,
  status: number,
  message: string,
  options: { type?: string; code?: string | null; headers?: Record<string, string> } = {},
) {
  const type = options.type ?? (status >= 500 ? 'server_error' : 'invalid_request_error');
  sendJson(response, status, apiErrorBody(message, type, options.code ?? null), options.headers);
}

/** A JSON answer already serialised (a provider's own body, passed through as it came). */
export function sendJsonText(
  response: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
) {
  if (response.headersSent) {
    response.end();
    return;
  }
  const safeHeaders = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, toHeaderValue(value)]));
  response.writeHead(status, { 'content-type': 'application/json', ...safeHeaders }).end(text);
}
