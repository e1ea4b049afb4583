import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { listModels } from '../config/list-models';
import type { Services } from '../core/services';
import {
  chatCompletionRequestSchema,
  toChatMessages,
  toOpenAIError,
  toOpenAIFinishReason,
  toOpenAIUsage,
  toSampling,
  unsupportedFeature,
} from './openai-format';
import { readJsonBody } from './read-json-body';
import { isJsonContentType } from './request-guard';
import { sendApiError, sendJson } from './send-json';
import { createSseResponse, defaultKeepAliveMs } from './sse-response';

function sendError(response: ServerResponse, code: string, message: string) {
  const { status, body } = toOpenAIError(code, message);
  sendJson(response, status, body);
}

/** `GET /v1/models`: routes first, then each endpoint's listed and priced models. */
export function handleModels(services: Services, response: ServerResponse) {
  let config;
  try {
    config = services.readConfig();
  } catch (error) {
    return sendError(response, (error as { code?: string }).code ?? 'INTERNAL', (error as Error).message);
  }
  const data = listModels(config).map((model) => ({
    id: model.id,
    object: 'model',
    created: 0,
    owned_by: model.isRoute ? 'switchboard-route' : model.owner,
  }));
  sendJson(response, 200, { object: 'list', data });
}

/** Reads and checks a chat completion request; null when it was refused (and answered). */
async function readChatRequest(request: IncomingMessage, response: ServerResponse) {
  // A JSON body only: a browser's no-cors form or text/plain POST cannot send one without asking first.
  if (!isJsonContentType(request.headers['content-type'])) {
    sendApiError(response, 415, 'Send the body as JSON with `Content-Type: application/json`.', {
      code: 'unsupported_media_type',
      headers: { connection: 'close' },
    });
    return null;
  }
  const body = await readJsonBody(request);
  if (!body.ok) {
    const code = body.status === 413 ? 'request_too_large' : 'invalid_json';
    sendApiError(response, body.status, body.message, { code, headers: { connection: 'close' } });
    return null;
  }
  const parsed = chatCompletionRequestSchema.safeParse(body.value);
  if (!parsed.success) {
    sendError(response, 'INVALID_INPUT', z.prettifyError(parsed.error));
    return null;
  }
  const unsupported = unsupportedFeature(parsed.data);
  if (unsupported) {
    sendError(response, 'INVALID_INPUT', unsupported);
    return null;
  }
  return parsed.data;
}

/** `POST /v1/chat/completions`, streaming or not, routed through the gateway. */
export async function handleChatCompletions(
  services: Services,
  request: IncomingMessage,
  response: ServerResponse,
  options: { keepAliveMs?: number } = {},
) {
  const body = await readChatRequest(request, response);
  if (!body) return;

  const controller = new AbortController();
  // The client hanging up cancels the upstream call.
  response.on('close', () => {
    if (!response.writableFinished) controller.abort();
  });
  const id = `chatcmpl-${randomUUID()}`;
  const created = Math.floor(Date.now() / 1000);
  const includeUsage = body.stream_options?.include_usage === true;
  const sse = createSseResponse(response, options.keepAliveMs ?? defaultKeepAliveMs);
  let target: string | null = null;
  let text = '';
  let hasText = false;
  let isCacheHit = false;
  // Served from the route's cache: said in a header, so a client can tell a replay from a fresh answer.
  const servedBy = (): Record<string, string> => ({
    'x-switchboard-target': target ?? '',
    ...(isCacheHit ? { 'x-switchboard-cache': 'hit' } : {}),
  });

  const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) => ({
    id,
    object: 'chat.completion.chunk',
    created,
    model: target,
    choices,
    ...extra,
  });

  if (body.stream) sse.startKeepAlive();
  for await (const part of services.gateway.stream({
    modelId: body.model,
    messages: toChatMessages(body),
    source: 'api',
    signal: controller.signal,
    sampling: toSampling(body),
    cache: /no-cache|no-store/i.test(request.headers['cache-control'] ?? '') ? 'refresh' : 'use',
  })) {
    if (part.type === 'attempt-start') target = part.target;
    if (part.type === 'cache-hit') {
      target = part.target;
      isCacheHit = true;
    }
    if (part.type === 'text-delta') {
      if (!body.stream) {
        text += part.text;
        continue;
      }
      if (!hasText) {
        hasText = true;
        sse.stopKeepAlive();
        sse.commit(servedBy());
        sse.send(chunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]));
      }
      sse.send(chunk([{ index: 0, delta: { content: part.text }, finish_reason: null }]));
    }
    if (part.type === 'error') {
      sse.stopKeepAlive();
      if (!sse.isCommitted) return sendError(response, part.code, part.message);
      // Once the status is sent, the failure travels as an error event, never as [DONE].
      sse.end(toOpenAIError(part.code, part.message).body);
      return;
    }
    if (part.type === 'finish') {
      const { record } = part;
      target = record.target;
      const finishReason = toOpenAIFinishReason(record.finishReason);
      const usage = record.usage ? toOpenAIUsage(record.usage) : null;
      if (!body.stream) {
        return sendJson(
          response,
          200,
          {
            id,
            object: 'chat.completion',
            created,
            model: target,
            choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: finishReason }],
            usage,
          },
          servedBy(),
        );
      }
      sse.commit(servedBy());
      sse.send(chunk([{ index: 0, delta: {}, finish_reason: finishReason }]));
      if (includeUsage) sse.send(chunk([], { usage }));
      sse.end('[DONE]');
      return;
    }
  }
  sse.stopKeepAlive();
  if (!response.writableEnded) sendApiError(response, 500, 'The call ended without an answer; see the log.');
}
