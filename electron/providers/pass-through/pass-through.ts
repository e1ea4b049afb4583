import type { ClientProtocol } from '../../protocols/types';
import { httpError } from '../http-error';
import type { IdleTimer } from '../idle-timer';
import { createProviderFetch, maxResponseBytes } from '../provider-fetch';
import { ProviderError } from '../provider-error';
import { rateLimitResetFromHeaders } from '../rate-limit';
import type { RawAccount } from '../raw-usage';
import { redactKey } from '../redact-key';
import { streamErrorToProviderError, toProviderError } from '../to-provider-error';
import type { ProviderPart, ProviderRequest, ProviderTarget } from '../types';
import { parseEvent, type EventReading, type WireReader } from './event-reading';
import { anthropicReader } from './read-anthropic';
import { chatReader } from './read-chat';
import { responsesReader } from './read-responses';
import { rewriteModel } from './rewrite-model';
import { frameEvent, SseSplitter } from './sse-splitter';
import { wireRequest, type WireRequest } from './wire-request';

const readers: Record<ClientProtocol, WireReader> = {
  'openai-chat': chatReader,
  anthropic: anthropicReader,
  'openai-responses': responsesReader,
};

const streaming = { stream: true };

/** What one pass-through call reads its answer with. */
interface PassContext {
  target: ProviderTarget;
  /** `endpoint-id/model`: the model the client sees, and as JSON, made once per call. */
  served: string;
  servedJson: string;
  reader: WireReader;
  wire: WireRequest;
  idle: IdleTimer | undefined;
  /** The most bytes read from one response. */
  limit: number;
}

/**
 * Sends a local API request to a target that speaks its protocol: the body as the client sent it with only
 * `model` rewritten, and the answer back as whole events (`wire-event`), read as they pass for usage, the
 * first token and the finish. HTTP errors before the answer are thrown as ProviderError.
 */
export async function openPassThrough(
  target: ProviderTarget,
  request: ProviderRequest,
  options: { fetch?: typeof globalThis.fetch; idle?: IdleTimer; signal?: AbortSignal; maxResponseBytes?: number },
): Promise<AsyncIterable<ProviderPart>> {
  const api = request.api!;
  const { endpoint, apiKey } = target;
  const wire = wireRequest(target, api);
  // A stream counts its own bytes as it reads them: no extra stream stage on the hot path.
  const limit = options.maxResponseBytes ?? maxResponseBytes;
  const fetch = createProviderFetch(target, options.fetch, api.isStream ? Infinity : limit);
  let response: Response;
  try {
    response = await fetch(wire.url, {
      method: 'POST',
      headers: wire.headers,
      body: wire.body,
      signal: options.signal,
    });
  } catch (error) {
    throw toProviderError(options.idle?.signal.aborted ? options.idle.signal.reason : error, endpoint.id, apiKey);
  }
  if (!response.ok) throw await httpError(response, wire.url, endpoint.id, apiKey);
  const served = `${endpoint.id}/${target.model}`;
  const context: PassContext = {
    target,
    served,
    servedJson: JSON.stringify(served),
    reader: readers[api.protocol],
    wire,
    idle: options.idle,
    limit,
  };
  return api.isStream ? streamEvents(response, context) : wholeBody(response, context);
}

function unreadableError(context: PassContext, what: string, data: string): ProviderError {
  const { endpoint, apiKey } = context.target;
  return new ProviderError({
    code: 'PROVIDER_STREAM_ERROR',
    isRetryable: true,
    message: `${endpoint.id} sent ${what} Switchboard could not read: ${redactKey(data.slice(0, 300), apiKey)}`,
  });
}

function finishPart(account: RawAccount, apiKey: string | undefined): ProviderPart {
  return {
    type: 'finish',
    finishReason: redactKey(account.finish ?? 'stop', apiKey),
    usage: account.usage ?? null,
    servedModel: account.model === undefined ? undefined : redactKey(account.model, apiKey),
    providerCostUSD: account.costUSD,
  };
}

function tooLarge(endpointId: string, limit: number): ProviderError {
  return new ProviderError({
    code: 'ANSWER_TOO_LARGE',
    isRetryable: false,
    message: `${endpointId} sent more than ${Math.round(limit / 1024 / 1024)} MiB in one response; Switchboard stopped reading it`,
  });
}

function interrupted(endpointId: string): ProviderError {
  return new ProviderError({
    code: 'INTERRUPTED',
    isRetryable: true,
    message: `${endpointId} closed the stream before it finished`,
  });
}

async function* streamEvents(response: Response, context: PassContext): AsyncGenerator<ProviderPart> {
  const { target, reader, wire, idle } = context;
  const { endpoint, apiKey } = target;
  const account: RawAccount = {};
  const resetInMs = rateLimitResetFromHeaders(response.headers);
  if (resetInMs !== undefined) yield { type: 'rate-limit', resetInMs };
  const splitter = new SseSplitter();
  const decoder = new TextDecoder();
  let hasContent = false;
  let isModelNamed = false;
  let usage = account.usage;
  let received = 0;
  try {
    for await (const chunk of response.body! as AsyncIterable<Uint8Array>) {
      idle?.onEvent();
      received += chunk.byteLength;
      if (received > context.limit) {
        yield { type: 'error', error: tooLarge(endpoint.id, context.limit) };
        return;
      }
      for (const event of splitter.push(decoder.decode(chunk, streaming))) {
        const reading = reader.readEvent(event.data, event.name, account, wire.isUsageAdded);
        if (reading.isUnreadable) {
          yield { type: 'error', error: unreadableError(context, 'an event', event.data) };
          return;
        }
        if (reading.error !== undefined) {
          yield { type: 'error', error: streamErrorToProviderError(reading.error, endpoint.id, apiKey) };
          return;
        }
        // Running counts, so a call cut short is still priced from what the provider said.
        if (account.usage !== usage) {
          usage = account.usage;
          yield { type: 'usage', usage: usage! };
        }
        if (!isModelNamed && account.model !== undefined) {
          isModelNamed = true;
          yield { type: 'response-metadata', modelId: redactKey(account.model, apiKey) };
        }
        if (!reading.isSkipped && (!reading.isPing || hasContent)) {
          if (reading.content !== undefined) hasContent = true;
          yield wireEvent(event.name, event.data, reading, context);
        }
        if (reading.isEnd) {
          yield finishPart(account, apiKey);
          return;
        }
      }
    }
    const last = splitter.end();
    if (last !== undefined) {
      // The last event without the blank line after it: read as any other.
      const reading = reader.readEvent(last.data, last.name, account, wire.isUsageAdded);
      if (reading.error === undefined && !reading.isUnreadable && !reading.isSkipped) {
        yield wireEvent(last.name, last.data, reading, context);
        if (reading.isEnd) {
          yield finishPart(account, apiKey);
          return;
        }
      }
    }
    if (reader.isFinishedWithoutEnd(account)) {
      yield finishPart(account, apiKey);
      return;
    }
    yield { type: 'error', error: interrupted(endpoint.id) };
  } catch (error) {
    const reason = idle?.signal.aborted ? idle.signal.reason : error;
    yield { type: 'error', error: toProviderError(reason, endpoint.id, apiKey) };
  } finally {
    idle?.stop();
  }
}

function wireEvent(name: string | undefined, data: string, reading: EventReading, context: PassContext): ProviderPart {
  const text = reading.hasModel ? rewriteModel(data, context.served, context.servedJson) : data;
  return { type: 'wire-event', data: frameEvent(name, text), content: reading.content, text: reading.text };
}

async function* wholeBody(response: Response, context: PassContext): AsyncGenerator<ProviderPart> {
  const { target, reader } = context;
  const { endpoint, apiKey } = target;
  const resetInMs = rateLimitResetFromHeaders(response.headers);
  if (resetInMs !== undefined) yield { type: 'rate-limit', resetInMs };
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    const reason = context.idle?.signal.aborted ? context.idle.signal.reason : error;
    yield { type: 'error', error: toProviderError(reason, endpoint.id, apiKey) };
    return;
  } finally {
    context.idle?.stop();
  }
  const body = parseEvent(text);
  if (body === undefined) {
    yield { type: 'error', error: unreadableError(context, 'a body', text) };
    return;
  }
  const account: RawAccount = {};
  const reading = reader.readBody(body, account);
  if (reading.error !== undefined) {
    yield { type: 'error', error: streamErrorToProviderError(reading.error, endpoint.id, apiKey) };
    return;
  }
  if (account.usage) yield { type: 'usage', usage: account.usage };
  if (account.model !== undefined) yield { type: 'response-metadata', modelId: redactKey(account.model, apiKey) };
  yield {
    type: 'wire-event',
    data: rewriteModel(text, context.served, context.servedJson),
    content: reading.content ?? 'text',
    text: reading.text,
  };
  yield finishPart(account, apiKey);
}
