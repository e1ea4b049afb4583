import type { IncomingMessage } from 'node:http';
import { StringDecoder } from 'node:string_decoder';
import type { ChatMessage } from '../../shared/types/chat';
import type { IdleTimer } from './idle-timer';
import { textOf, parseEvent, type Json } from './pass-through/event-reading';
import { textDelta } from './pass-through/read-chat';
import { SseSplitter } from './pass-through/sse-splitter';
import { apiRoot } from './pass-through/wire-request';
import { maxResponseBytes } from './provider-fetch';
import { ProviderError } from './provider-error';
import { postToProvider } from './provider-request';
import { rateLimitHeaders, rateLimitResetMs } from './rate-limit';
import { readRawEvent, type RawAccount } from './raw-usage';
import { redactKey } from './redact-key';
import { streamErrorToProviderError, toProviderError } from './to-provider-error';
import type { ProviderPart, ProviderRequest, ProviderTarget } from './types';

/** The app's messages as Chat Completions messages, as the AI SDK's OpenAI-compatible provider writes them. */
function chatMessages(messages: ChatMessage[]): Json[] {
  return messages.map((message) => {
    if (message.role !== 'user') return { role: message.role, content: message.content };
    const images = message.attachments ?? [];
    if (images.length === 0) return { role: 'user', content: message.content };
    // An empty text part is left out, as on every other path.
    const text = message.content ? [{ type: 'text', text: message.content }] : [];
    const parts = images.map((image) => ({
      type: 'image_url',
      image_url: { url: `data:${image.mediaType};base64,${image.dataBase64}` },
    }));
    return { role: 'user', content: [...text, ...parts] };
  });
}

/** JSON output as the AI SDK's OpenAI-compatible provider asks for it: a strict schema, else JSON mode. */
function responseFormat(format: ProviderRequest['responseFormat']): Json | undefined {
  if (format?.type !== 'json') return undefined;
  if (!format.schema) return { type: 'json_object' };
  return {
    type: 'json_schema',
    json_schema: {
      schema: format.schema as Json,
      strict: true,
      name: format.name ?? 'response',
      ...(format.description ? { description: format.description } : {}),
    },
  };
}

/** The request body: the call's settings under Chat Completions' names, usage asked for. */
function chatBody(target: ProviderTarget, request: ProviderRequest): string {
  return JSON.stringify({
    model: target.model,
    max_tokens: request.maxOutputTokens,
    temperature: request.temperature,
    top_p: request.topP,
    frequency_penalty: request.frequencyPenalty,
    presence_penalty: request.presencePenalty,
    stop: request.stopSequences,
    seed: request.seed,
    response_format: responseFormat(request.responseFormat),
    messages: chatMessages(request.messages),
    stream: true,
    stream_options: { include_usage: true },
  });
}

/** The most text one joined delta holds: the answer's size limit takes or refuses a part whole. */
const maxJoinedText = 2048;

/** A delta joined to the one before it when that one is of its kind: a read's text goes on in few parts. */
function addDelta(parts: ProviderPart[], type: 'text-delta' | 'reasoning-delta', text: string): void {
  const last = parts.at(-1);
  if (last?.type === type && last.text.length + text.length <= maxJoinedText) last.text += text;
  else parts.push({ type, text });
}

function interrupted(endpointId: string): ProviderError {
  return new ProviderError({
    code: 'INTERRUPTED',
    isRetryable: true,
    message: `${endpointId} closed the stream before it finished`,
  });
}

/**
 * An app call to an OpenAI-compatible server, without the AI SDK: the same request its provider sends, over a
 * kept-alive socket, and the stream read as it comes (a text delta without a JSON parse), into the parts the AI
 * SDK path yields: text and reasoning deltas, usage, the served model, then one finish or error.
 */
export async function openDirectChat(
  target: ProviderTarget,
  request: ProviderRequest,
  options: { idle?: IdleTimer; signal?: AbortSignal; maxResponseBytes?: number },
): Promise<AsyncIterable<ProviderPart>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (target.apiKey) headers.authorization = `Bearer ${target.apiKey}`;
  const url = `${apiRoot(target)}/chat/completions`;
  const response = await postToProvider(target, url, headers, chatBody(target, request), options.signal);
  return readChat(response, target, options.idle, options.maxResponseBytes ?? maxResponseBytes);
}

async function* readChat(
  response: IncomingMessage,
  target: ProviderTarget,
  idle: IdleTimer | undefined,
  limit: number,
): AsyncGenerator<ProviderPart> {
  const { endpoint, apiKey } = target;
  const picked: Record<string, string> = {};
  for (const name of rateLimitHeaders) {
    const value = response.headers[name];
    if (typeof value === 'string') picked[name] = value;
  }
  const resetInMs = rateLimitResetMs(picked);
  if (resetInMs !== undefined) yield { type: 'rate-limit', resetInMs };
  const account: RawAccount = {};
  const splitter = new SseSplitter();
  const decoder = new StringDecoder('utf8');
  let received = 0;
  let isEnded = false;
  const finish = (): ProviderPart =>
    account.finish === undefined
      ? { type: 'error', error: interrupted(endpoint.id) }
      : {
          type: 'finish',
          finishReason: redactKey(account.finish, apiKey),
          usage: account.usage ?? null,
          servedModel: account.model === undefined ? undefined : redactKey(account.model, apiKey),
          providerCostUSD: account.costUSD,
        };
  /** The parts one event makes; a terminal part last when the stream is over. */
  const read = (data: string, parts: ProviderPart[]): boolean => {
    if (data === '[DONE]') {
      parts.push(finish());
      return true;
    }
    const quick = account.model === undefined ? undefined : textDelta(data);
    if (quick !== undefined) {
      if (quick.text) addDelta(parts, 'text-delta', quick.text);
      return false;
    }
    const chunk = parseEvent(data);
    if (chunk === undefined) {
      const message = `${endpoint.id} sent an event Switchboard could not read: ${redactKey(data.slice(0, 300), apiKey)}`;
      parts.push({
        type: 'error',
        error: new ProviderError({ code: 'PROVIDER_STREAM_ERROR', isRetryable: true, message }),
      });
      return true;
    }
    if (chunk.error) {
      parts.push({ type: 'error', error: streamErrorToProviderError(chunk.error, endpoint.id, apiKey) });
      return true;
    }
    const before = { model: account.model, usage: account.usage };
    readRawEvent('openai-chat', account, chunk);
    if (before.model === undefined && account.model !== undefined) {
      parts.push({ type: 'response-metadata', modelId: redactKey(account.model, apiKey) });
    }
    if (account.usage && account.usage !== before.usage) parts.push({ type: 'usage', usage: account.usage });
    const delta = (Array.isArray(chunk.choices) ? chunk.choices[0] : undefined)?.delta as Json | undefined;
    const reasoning = textOf(delta?.reasoning_content) ?? textOf(delta?.reasoning);
    if (reasoning !== undefined) addDelta(parts, 'reasoning-delta', reasoning);
    const text = textOf(delta?.content);
    if (text !== undefined) addDelta(parts, 'text-delta', text);
    return false;
  };
  try {
    // Left at the stream's end, the response is drained, not destroyed: its socket serves the next call.
    for await (const chunk of response.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
      idle?.onEvent();
      received += chunk.length;
      if (received > limit) {
        yield {
          type: 'error',
          error: new ProviderError({
            code: 'ANSWER_TOO_LARGE',
            isRetryable: false,
            message: `${endpoint.id} sent more than ${Math.round(limit / 1024 / 1024)} MiB in one response; Switchboard stopped reading it`,
          }),
        };
        return;
      }
      const parts: ProviderPart[] = [];
      for (const event of splitter.push(decoder.write(chunk))) {
        isEnded = read(event.data, parts);
        if (isEnded) break;
      }
      yield* parts;
      if (isEnded) return;
    }
    const last = splitter.end();
    const parts: ProviderPart[] = [];
    if (last !== undefined) isEnded = read(last.data, parts);
    yield* parts;
    if (isEnded) return;
    // Without `[DONE]`, a finish reason still says the answer is whole.
    yield finish();
  } catch (error) {
    const reason = idle?.signal.aborted ? idle.signal.reason : error;
    yield { type: 'error', error: toProviderError(reason, endpoint.id, apiKey) };
  } finally {
    idle?.stop();
    if (isEnded) response.resume();
    else if (!response.complete) response.destroy();
  }
}
