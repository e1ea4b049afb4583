import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolveModelId } from '../config/resolve-model-id';
import type { Services } from '../core/services';
import { missingKey } from '../gateway/attempt-failures';
import { callDirect } from '../providers/direct-call';
import { ProviderError } from '../providers/provider-error';
import type { ProtocolCodec } from '../protocols/types';
import { errorAnswer } from './api-call';
import { readApiBody } from './read-api-body';
import { sendJson, sendJsonText } from './send-json';

/** The header that marks a count as Switchboard's estimate (`x-switchboard-token-count: estimate`). */
export const tokenCountHeader = 'x-switchboard-token-count';

/**
 * `POST /v1/messages/count_tokens`: when the model id's first target is Anthropic, Anthropic's own count
 * (passed through with its key, as Anthropic answered it); otherwise the codec's estimate, marked as one. No tokens are billed, so
 * no usage row is written.
 */
export async function handleCountTokens(
  services: Services,
  codec: ProtocolCodec,
  request: IncomingMessage,
  response: ServerResponse,
) {
  const value = await readApiBody(request, response, 'anthropic');
  if (value === undefined) return;
  const fail = (code: string, message: string, error?: ProviderError) => {
    const answer = errorAnswer(codec, {
      code,
      message,
      upstreamStatus: error?.status,
      retryAfterMs: error?.retryAfterMs,
      param: code === 'INVALID_INPUT' ? 'model' : undefined,
    });
    sendJson(response, answer.status, answer.body, answer.headers);
  };
  const body = value as Record<string, unknown>;
  if (!body || typeof body !== 'object' || typeof body.model !== 'string' || body.model.length === 0) {
    return fail('INVALID_INPUT', '"model" is required: a route name or "endpoint-id/model".');
  }
  let target;
  try {
    [target] = resolveModelId(services.readConfig(), body.model).targets;
  } catch (error) {
    return fail((error as { code?: string }).code ?? 'UNKNOWN_MODEL', (error as Error).message);
  }
  const served = { 'x-switchboard-target': target!.target };
  if (target!.endpoint.kind !== 'anthropic') {
    if (!codec.countTokens) return fail('UNSUPPORTED_FIELD', `${target!.target} cannot count tokens.`);
    return sendJson(
      response,
      200,
      { input_tokens: codec.countTokens(body) },
      { ...served, [tokenCountHeader]: 'estimate' },
    );
  }
  const { endpoint, model } = target!;
  const controller = new AbortController();
  response.on('close', () => {
    if (!response.writableFinished) controller.abort();
  });
  try {
    const apiKey = await services.keychain.get(endpoint.id);
    if (apiKey === undefined) throw missingKey(endpoint.id);
    const forwardHeaders: Record<string, string> = {};
    for (const name of ['anthropic-version', 'anthropic-beta']) {
      const header = request.headers[name];
      if (typeof header === 'string') forwardHeaders[name] = header;
    }
    const text = await callDirect(
      { endpoint, model, apiKey },
      '/messages/count_tokens',
      { protocol: 'anthropic', body, forwardHeaders },
      { signal: controller.signal },
    );
    sendJsonText(response, 200, text, served);
  } catch (error) {
    const failure = ProviderError.isInstance(error) ? error : undefined;
    fail((error as { code?: string }).code ?? 'INTERNAL', (error as Error).message, failure);
  }
}
