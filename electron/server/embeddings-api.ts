import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Services } from '../core/services';
import { errorAnswer } from './api-call';
import { readApiBody } from './read-api-body';
import { sendApiError, sendJson, sendJsonText } from './send-json';

/**
 * `POST /v1/embeddings`, passed through to the model id's first target that can embed (OpenAI and
 * OpenAI-compatible endpoints), in OpenAI's format; the call is a usage row priced by its input tokens.
 */
export async function handleEmbeddings(services: Services, request: IncomingMessage, response: ServerResponse) {
  const value = await readApiBody(request, response, 'openai');
  if (value === undefined) return;
  const body = value as Record<string, unknown>;
  if (!body || typeof body !== 'object' || typeof body.model !== 'string' || body.model.length === 0) {
    return sendApiError(response, 400, '"model" is required: a route name or "endpoint-id/model".', {
      code: 'invalid_request_error',
    });
  }
  if (body.input === undefined || body.input === null) {
    return sendApiError(response, 400, '"input" is required: the text (or texts) to embed.', {
      code: 'invalid_request_error',
    });
  }
  const controller = new AbortController();
  response.on('close', () => {
    if (!response.writableFinished) controller.abort();
  });
  const result = await services.embed({ modelId: body.model, body, signal: controller.signal });
  if (result.ok) return sendJsonText(response, 200, result.body, { 'x-switchboard-target': result.target });
  const answer = errorAnswer(services.codecs['openai-chat'], result);
  sendJson(response, answer.status, answer.body, answer.headers);
}
