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

const maxBodyBytes = 8 * 1024 * 1024;

function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

function sendError(response: ServerResponse, code: string, message: string) {
  const { status, body } = toOpenAIError(code, message);
  sendJson(response, status, body);
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBodyBytes) throw new Error('the request body is over 8 MiB');
    chunks.push(chunk);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
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

/** `POST /v1/chat/completions`, streaming or not, routed through the gateway. */
export async function handleChatCompletions(services: Services, request: IncomingMessage, response: ServerResponse) {
  let body: z.infer<typeof chatCompletionRequestSchema>;
  try {
    const parsed = chatCompletionRequestSchema.safeParse(await readJson(request));
    if (!parsed.success) return sendError(response, 'INVALID_INPUT', z.prettifyError(parsed.error));
    body = parsed.data;
    const unsupported = unsupportedFeature(body);
    if (unsupported) return sendError(response, 'INVALID_INPUT', unsupported);
  } catch (error) {
    return sendError(response, 'INVALID_INPUT', `The body is not valid JSON: ${(error as Error).message}`);
  }

  const controller = new AbortController();
  // The client hanging up cancels the upstream call.
  response.on('close', () => {
    if (!response.writableFinished) controller.abort();
  });
  const id = `chatcmpl-${randomUUID()}`;
  const created = Math.floor(Date.now() / 1000);
  const includeUsage = body.stream_options?.include_usage === true;
  let target: string | null = null;
  let text = '';
  let isStreaming = false;
  let isCacheHit = false;
  // Served from the route's cache: said in a header, so a client can tell a replay from a fresh answer.
  const servedBy = () => ({
    'x-switchboard-target': target ?? '',
    ...(isCacheHit ? { 'x-switchboard-cache': 'hit' } : {}),
  });

  const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) =>
    `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model: target, choices, ...extra })}\n\n`;

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
      if (body.stream && !isStreaming) {
        isStreaming = true;
        response.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-cache',
          connection: 'keep-alive',
          ...servedBy(),
        });
        response.write(chunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]));
      }
      if (body.stream) response.write(chunk([{ index: 0, delta: { content: part.text }, finish_reason: null }]));
      else text += part.text;
    }
    if (part.type === 'error') {
      if (!isStreaming) return sendError(response, part.code, part.message);
      // After the first token the status is sent: the failure travels as an error event, never as [DONE].
      response.end(`data: ${JSON.stringify(toOpenAIError(part.code, part.message).body)}\n\n`);
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
      if (!isStreaming) {
        isStreaming = true;
        response.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          ...servedBy(),
        });
      }
      response.write(chunk([{ index: 0, delta: {}, finish_reason: finishReason }]));
      if (includeUsage) response.write(chunk([], { usage }));
      response.end('data: [DONE]\n\n');
      return;
    }
  }
}
