import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import type { Services } from '../core/services';
import type { GatewayErrorPart } from '../gateway/types';
import type {
  ApiCall,
  ClientProtocol,
  ProtocolCodec,
  ProtocolErrorResponse,
  ResponseMeta,
  StreamEncoder,
} from '../protocols/types';
import { decisionSummary, withOutcomes } from '../routing/create-router';
import type { Attempt, RouteDecision } from '../../shared/types/usage';
import { readApiBody } from './read-api-body';
import { takeRoutePreference } from './take-route-preference';
import { sendJson, sendJsonText } from './send-json';
import { errorFormatFor } from './server-error';
import { createSseResponse, defaultKeepAliveMs } from './sse-response';

const idPrefixes: Record<ClientProtocol, string> = {
  'openai-chat': 'chatcmpl-',
  anthropic: 'msg_',
  'openai-responses': 'resp_',
};

/** The client's protocol headers a provider of the same protocol gets. */
function forwardHeaders(protocol: ClientProtocol, headers: IncomingHttpHeaders): Record<string, string> {
  if (protocol !== 'anthropic') return {};
  const forwarded: Record<string, string> = {};
  for (const name of ['anthropic-version', 'anthropic-beta']) {
    const value = headers[name];
    if (typeof value === 'string') forwarded[name] = value;
  }
  return forwarded;
}

/**
 * A failure before anything was sent, in the protocol's format. An upstream 401/403 is the key Switchboard
 * keeps for that provider being refused: it stays a 401/403 (not a 502) and says so, so nobody checks the
 * local API key instead. A 429 always says when to come back.
 */
export function errorAnswer(
  codec: ProtocolCodec,
  part: Pick<GatewayErrorPart, 'code' | 'message' | 'upstreamStatus' | 'retryAfterMs' | 'param'>,
): ProtocolErrorResponse {
  const retryAfterSeconds = part.retryAfterMs === undefined ? undefined : Math.ceil(part.retryAfterMs / 1000);
  const isKeyRefused = part.code === 'PROVIDER_AUTH';
  const message = isKeyRefused
    ? `The provider refused the key Switchboard keeps for it (not your local API key). ${part.message}`
    : part.message;
  const answer = codec.toErrorResponse(part.code, message, { retryAfterSeconds, param: part.param });
  const status = isKeyRefused ? (part.upstreamStatus === 403 ? 403 : 401) : answer.status;
  const headers = { ...answer.headers };
  if (status === 429 && headers['retry-after'] === undefined) headers['retry-after'] = String(retryAfterSeconds ?? 1);
  return { status, body: answer.body, headers };
}

/**
 * One local API call in any protocol, streaming or not, routed through the gateway. A target of the
 * client's protocol answers with its own events, forwarded one write each; any other answers with neutral
 * parts, written by the protocol's encoder. Failures before the first token are HTTP errors in the
 * protocol's format; after it, the protocol's error event, never a clean end.
 */
export async function handleApiCall(
  services: Services,
  codec: ProtocolCodec,
  request: IncomingMessage,
  response: ServerResponse,
  options: { keepAliveMs?: number; path?: string } = {},
) {
  const { protocol } = codec;
  const value = await readApiBody(request, response, errorFormatFor(options.path ?? ''));
  if (value === undefined) return;
  // Switchboard's own field comes out of the body before the protocol reads it: no provider sees it.
  const preference = takeRoutePreference(value, request.headers['x-switchboard-route']);
  if (!preference.ok) {
    const refusal = codec.toErrorResponse('INVALID_INPUT', preference.message, { param: preference.param });
    return sendJson(response, refusal.status, refusal.body, refusal.headers);
  }
  const read = codec.readRequest(value);
  if (!read.ok) {
    const refusal = codec.toErrorResponse('INVALID_INPUT', read.message, { param: read.param });
    return sendJson(response, refusal.status, refusal.body, refusal.headers);
  }
  const api: ApiCall = {
    protocol,
    body: read.body,
    isStream: read.isStream,
    forwardHeaders: forwardHeaders(protocol, request.headers),
  };

  const controller = new AbortController();
  // The client hanging up cancels the upstream call.
  response.on('close', () => {
    if (!response.writableFinished) controller.abort();
  });
  const sse = createSseResponse(response, options.keepAliveMs ?? defaultKeepAliveMs);
  let target: string | null = null;
  let isCacheHit = false;
  let meta: ResponseMeta | undefined;
  let encoder: StreamEncoder | undefined;
  let wholeBody: string | undefined;
  const parts: LanguageModelV4StreamPart[] = [];
  let decision: RouteDecision | null = null;
  const failed: Attempt[] = [];
  // The route's choice in one line: the final one once the call is over, else the attempts so far.
  const decisionHeader = (final?: RouteDecision | null): Record<string, string> => {
    const served = target === null ? [] : [{ target, error: null }];
    const known = final ?? (decision && withOutcomes(decision, [...failed, ...served]));
    return known ? { 'x-switchboard-route-decision': decisionSummary(known) } : {};
  };

  // Served from the route's cache: said in a header, so a client can tell a replay from a fresh answer.
  const servedBy = (final?: RouteDecision | null): Record<string, string> => ({
    'x-switchboard-target': target ?? '',
    ...(isCacheHit ? { 'x-switchboard-cache': 'hit' } : {}),
    ...decisionHeader(final),
  });
  const answerMeta = (): ResponseMeta =>
    (meta ??= {
      id: `${idPrefixes[protocol]}${randomUUID().replaceAll('-', '')}`,
      model: target ?? read.modelId,
      created: Math.floor(Date.now() / 1000),
    });
  const streamEncoder = () => (encoder ??= codec.createStreamEncoder(answerMeta(), api.body));
  const open = () => {
    if (sse.isCommitted) return;
    sse.stopKeepAlive();
    sse.commit(servedBy());
  };

  /** Sends the rest of a successful answer: the stream's end, or the whole body with the headers saying who served. */
  const endAnswer = (final?: RouteDecision | null) => {
    if (api.isStream) {
      open();
      response.end();
    } else if (wholeBody !== undefined) {
      sendJsonText(response, 200, wholeBody, servedBy(final));
    } else {
      sendJson(response, 200, codec.toResponseBody(answerMeta(), parts, api.body), servedBy(final));
    }
  };

  if (api.isStream) sse.startKeepAlive();
  for await (const part of services.gateway.stream({
    modelId: read.modelId,
    messages: [],
    source: 'api',
    signal: controller.signal,
    cache: /no-cache|no-store/i.test(request.headers['cache-control'] ?? '') ? 'refresh' : 'use',
    api,
    route: preference.route,
  })) {
    switch (part.type) {
      case 'route-decision':
        decision = part.decision;
        break;
      case 'attempt-start':
        target = part.target;
        break;
      case 'attempt-error':
        failed.push(part.attempt);
        break;
      case 'cache-hit':
        target = part.target;
        isCacheHit = true;
        break;
      case 'wire-event':
        if (!api.isStream) {
          wholeBody = part.data;
          break;
        }
        open();
        response.write(part.data);
        break;
      case 'model-part': {
        if (!api.isStream) {
          parts.push(part.part);
          break;
        }
        const text = streamEncoder().write(part.part);
        if (text.length === 0) break;
        open();
        response.write(text);
        break;
      }
      case 'error': {
        sse.stopKeepAlive();
        if (!sse.isCommitted) {
          const answer = errorAnswer(codec, part);
          return sendJson(response, answer.status, answer.body, {
            ...answer.headers,
            ...decisionHeader(part.record.routeDecision),
          });
        }
        // Once the status is sent, the failure travels as the protocol's error event, never a clean end.
        response.end(streamEncoder().fail(part.code, part.message));
        return;
      }
      case 'answer-end':
        // The answer goes out whole now; the gateway prices the call and queues its row after.
        sse.stopKeepAlive();
        endAnswer();
        break;
      case 'finish':
        target = part.record.target ?? target;
        if (!response.writableEnded) endAnswer(part.record.routeDecision);
        return;
    }
  }
  sse.stopKeepAlive();
  if (!response.writableEnded) {
    const failure = codec.toErrorResponse('INTERNAL', 'The call ended without an answer; see the log.');
    sendJson(response, failure.status, failure.body, failure.headers);
  }
}
