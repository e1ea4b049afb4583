import type { IncomingMessage, ServerResponse } from 'node:http';
import { readJsonBody } from './read-json-body';
import { isJsonContentType } from './request-guard';
import { sendServerError, type ErrorFormat } from './server-error';

/** A local API request's JSON body; undefined when it was refused (and answered: 415, 413 or 400). */
export async function readApiBody(
  request: IncomingMessage,
  response: ServerResponse,
  format: ErrorFormat,
): Promise<unknown> {
  // A JSON body only: a browser's no-cors form or text/plain POST cannot send one without asking first.
  if (!isJsonContentType(request.headers['content-type'])) {
    sendServerError(response, format, 415, 'Send the body as JSON with `Content-Type: application/json`.', {
      code: 'unsupported_media_type',
      headers: { connection: 'close' },
    });
    return undefined;
  }
  const body = await readJsonBody(request);
  if (!body.ok) {
    const code = body.status === 413 ? 'request_too_large' : 'invalid_json';
    sendServerError(response, format, body.status, body.message, { code, headers: { connection: 'close' } });
    return undefined;
  }
  return body.value;
}
