import type { ClientProtocol } from '../../protocols/types';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { StringDecoder } from 'node:string_decoder';
import type { IdleTimer } from '../idle-timer';
import { maxResponseBytes } from '../provider-fetch';
import { ProviderError } from '../provider-error';
import { postToProvider } from '../provider-request';
import { rateLimitHeaders, rateLimitResetMs } from '../rate-limit';
import type { RawAccount } from '../raw-usage';
import { redactKey } from '../redact-key';
import { streamErrorToProviderError, toProviderError } from '../to-provider-error';
import type { ProviderPart, ProviderRequest, ProviderTarget } from '../types';
import { DeltaShape } from './delta-shape';
import { parseEvent, type EventReading, type WireContent, type WireReader } from './event-reading';
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
 * `model` rewritten, over a kept-alive socket, and the answer back as whole events (`wire-event`, the events of
 * one read together), read as they pass for usage, the first token and the finish. HTTP errors before the
 * answer are thrown as ProviderError.
 */
export async function openPassThrough(
  target: ProviderTarget,
  request: ProviderRequest,
  options: { idle?: IdleTimer; signal?: AbortSignal; maxResponseBytes?: number },
): Promise<AsyncIterable<ProviderPart>> {
  const api = request.api!;
  const wire = wireRequest(target, api);
  const response = await postToProvider(target, wire.url, wire.headers, wire.body, options.signal);
  const served = `${target.endpoint.id}/${target.model}`;
  const context: PassContext = {
    target,
    served,
    servedJson: JSON.stringify(served),
    reader: readers[api.protocol],
    wire,
    idle: options.idle,
    limit: options.maxResponseBytes ?? maxResponseBytes,
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

/** The rate-limit headers of an answer, as the rate-limit reader takes them. */
function rateLimitReset(headers: IncomingHttpHeaders): number | undefined {
  const picked: Record<string, string> = {};
  for (const name of rateLimitHeaders) {
    const value = headers[name];
    if (typeof value === 'string') picked[name] = value;
  }
  return rateLimitResetMs(picked);
}

/**
 * The events of one read, gathered into as few parts as keep their meaning: consecutive events of one kind of
 * content (or of none) go out as one `wire-event` with their texts joined, so a read costs one part and one
 * socket write, not one per event.
 */
class ReadBatch {
  private readonly parts: ProviderPart[] = [];
  private readonly notes: ProviderPart[] = [];
  private data = '';
  private content: WireContent | undefined;
  private text = '';

  add(framed: string, reading: EventReading): void {
    const { content } = reading;
    if (content !== undefined && this.content !== undefined && content !== this.content) this.flush();
    this.data += framed;
    if (content !== undefined) {
      this.content = content;
      if (reading.text !== undefined) this.text += reading.text;
    }
  }

  /** A part that ends the events so far (a finish, an error): it comes after them. */
  push(part: ProviderPart): void {
    this.flush();
    this.parts.push(part);
  }

  /** A part that says something of the call, not of the answer (usage, the served model): it comes first. */
  note(part: ProviderPart): void {
    this.notes.push(part);
  }

  /** Ends the read: the parts to yield, in order. */
  take(): ProviderPart[] {
    this.flush();
    if (this.notes.length === 0) return this.parts.splice(0);
    return [...this.notes.splice(0), ...this.parts.splice(0)];
  }

  private flush(): void {
    if (this.data.length === 0) return;
    this.parts.push({ type: 'wire-event', data: this.data, content: this.content, text: this.text });
    this.data = '';
    this.content = undefined;
    this.text = '';
  }
}

async function* streamEvents(response: IncomingMessage, context: PassContext): AsyncGenerator<ProviderPart> {
  const { target, reader, wire, idle, limit } = context;
  const { endpoint, apiKey } = target;
  const account: RawAccount = {};
  const resetInMs = rateLimitReset(response.headers);
  if (resetInMs !== undefined) yield { type: 'rate-limit', resetInMs };
  const splitter = new SseSplitter();
  const decoder = new StringDecoder('utf8');
  const batch = new ReadBatch();
  // Chat Completions only: its text deltas repeat one shape.
  const shape = reader === chatReader ? new DeltaShape(context.served, context.servedJson) : undefined;
  let hasContent = false;
  let isModelNamed = false;
  let usage = account.usage;
  let received = 0;
  let isEnded = false;
  /** Takes one event into the batch; true when the stream is over (its end, or a failure). */
  const take = (name: string | undefined, data: string, isLast: boolean): boolean => {
    // Once the model is known (as the text-delta shortcut needs), a delta of the last shape is read by it.
    const shaped = shape !== undefined && account.model !== undefined ? shape.read(data) : undefined;
    const reading = shaped?.reading ?? reader.readEvent(data, name, account, wire.isUsageAdded);
    if (reading.isUnreadable || reading.error !== undefined) {
      // A last event cut off without its blank line is not worth a failure of its own.
      if (isLast) return false;
      const error = reading.isUnreadable
        ? unreadableError(context, 'an event', data)
        : streamErrorToProviderError(reading.error, endpoint.id, apiKey);
      batch.push({ type: 'error', error });
      return true;
    }
    // Running counts, so a call cut short is still priced from what the provider said.
    if (account.usage !== usage) {
      usage = account.usage;
      batch.note({ type: 'usage', usage: usage! });
    }
    if (!isModelNamed && account.model !== undefined) {
      isModelNamed = true;
      batch.note({ type: 'response-metadata', modelId: redactKey(account.model, apiKey) });
    }
    if (!reading.isSkipped && (!reading.isPing || hasContent)) {
      if (reading.content !== undefined) hasContent = true;
      let text = data;
      if (shaped !== undefined) text = shaped.rewritten;
      else if (reading.hasModel) {
        text = rewriteModel(data, context.served, context.servedJson);
        if (shape !== undefined && reading.content === 'text' && reading.text !== undefined)
          shape.learn(data, reading.text);
      }
      batch.add(frameEvent(name, text), reading);
    }
    if (!reading.isEnd) return false;
    isEnded = true;
    batch.push(finishPart(account, apiKey));
    return true;
  };
  try {
    // Left at the stream's end, the response is drained, not destroyed: its socket serves the next call.
    for await (const chunk of response.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
      idle?.onEvent();
      received += chunk.length;
      if (received > limit) {
        yield { type: 'error', error: tooLarge(endpoint.id, limit) };
        return;
      }
      let isOver = false;
      for (const event of splitter.push(decoder.write(chunk))) {
        isOver = take(event.name, event.data, false);
        if (isOver) break;
      }
      const parts = batch.take();
      // One part per read, the common case, without a loop's iterator.
      if (parts.length === 1) yield parts[0]!;
      else yield* parts;
      if (isOver) return;
    }
    const last = splitter.end();
    // The last event without the blank line after it: read as any other.
    const isOver = last !== undefined && take(last.name, last.data, true);
    yield* batch.take();
    if (isOver) return;
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
    // Read to its end, the socket goes back to the pool; left before it (a limit, the caller gone), it closes.
    if (isEnded) response.resume();
    else if (!response.complete) response.destroy();
  }
}

async function* wholeBody(response: IncomingMessage, context: PassContext): AsyncGenerator<ProviderPart> {
  const { target, reader, limit } = context;
  const { endpoint, apiKey } = target;
  const resetInMs = rateLimitReset(response.headers);
  if (resetInMs !== undefined) yield { type: 'rate-limit', resetInMs };
  const chunks: Buffer[] = [];
  let received = 0;
  try {
    for await (const chunk of response as AsyncIterable<Buffer>) {
      received += chunk.length;
      if (received > limit) {
        response.destroy();
        yield { type: 'error', error: tooLarge(endpoint.id, limit) };
        return;
      }
      chunks.push(chunk);
    }
  } catch (error) {
    const reason = context.idle?.signal.aborted ? context.idle.signal.reason : error;
    yield { type: 'error', error: toProviderError(reason, endpoint.id, apiKey) };
    return;
  } finally {
    context.idle?.stop();
  }
  const text = (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).toString('utf8');
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
