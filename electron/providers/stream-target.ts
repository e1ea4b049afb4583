import type { LanguageModelV4Prompt, LanguageModelV4StreamPart } from '@ai-sdk/provider';
import type { ChatMessage } from '../../shared/types/chat';
import { protocolCodecs, type CodecRegistry } from '../protocols';
import { openDirectChat } from './direct-chat';
import { callSignal, idleTimer, type IdleTimer } from './idle-timer';
import { isPassThrough, wireProtocols } from './language-model';
import { createModelCache } from './model-cache';
import { openPassThrough } from './pass-through/pass-through';
import { openTranslated } from './translated-stream';
import { ProviderError } from './provider-error';
import { rateLimitResetMs } from './rate-limit';
import { readRawEvent, type RawAccount } from './raw-usage';
import { redactKey } from './redact-key';
import { streamErrorToProviderError, toProviderError } from './to-provider-error';
import type { ProviderPart, ProviderTarget, StreamTarget } from './types';

function toPrompt(messages: ChatMessage[]): LanguageModelV4Prompt {
  return messages.map((message) => {
    if (message.role === 'system') return { role: 'system', content: message.content };
    const text = { type: 'text' as const, text: message.content };
    if (message.role === 'assistant') return { role: 'assistant', content: [text] };
    // Images after the text, as AI SDK file parts; an empty text part is left out (Anthropic refuses one).
    const images = (message.attachments ?? []).map((image) => ({
      type: 'file' as const,
      mediaType: image.mediaType,
      data: { type: 'data' as const, data: image.dataBase64 },
    }));
    return { role: 'user', content: [...(message.content || images.length === 0 ? [text] : []), ...images] };
  });
}

export interface StreamTargetOptions {
  fetch?: typeof globalThis.fetch;
  /** The codecs that translate local API requests for targets of another protocol. */
  codecs?: CodecRegistry;
  /**
   * Longest wait for the response and between two events, for a stream target used on its own. The
   * gateway leaves it unset and applies each route's own limits instead (gateway/call-limits.ts).
   */
  timeoutMs?: number;
  /** The most bytes read from one provider response (64 MiB); tests make it small. */
  maxResponseBytes?: number;
}

/**
 * Streams from one target, reading usage from the raw events: an app call through the target's AI SDK
 * provider; a local API call as it is to a target of its protocol (pass-through), else translated.
 */
export function createStreamTarget(options: StreamTargetOptions = {}): StreamTarget {
  const codecs = options.codecs ?? protocolCodecs;
  const modelOf = createModelCache(options.fetch);
  return async (target, request) => {
    const idle = options.timeoutMs === undefined ? undefined : idleTimer(options.timeoutMs);
    const signal = callSignal(request.abortSignal, idle);
    if (request.api) {
      const call = { fetch: options.fetch, idle, signal, codecs, maxResponseBytes: options.maxResponseBytes };
      try {
        return await (isPassThrough(target.endpoint.kind, request.api.protocol)
          ? openPassThrough(target, request, call)
          : openTranslated(target, request, call));
      } catch (error) {
        idle?.stop();
        throw error;
      }
    }
    // An OpenAI-compatible server (a local one, a gateway of the user's) is read directly, without the AI SDK.
    if (target.endpoint.kind === 'openai-compatible' && options.fetch === undefined) {
      try {
        return await openDirectChat(target, request, { idle, signal, maxResponseBytes: options.maxResponseBytes });
      } catch (error) {
        idle?.stop();
        throw error;
      }
    }
    const model = modelOf(target);
    let stream: ReadableStream<LanguageModelV4StreamPart>;
    let headers: Record<string, string | undefined> | undefined;
    try {
      const { messages, abortSignal: _callerSignal, ...sampling } = request;
      const result = await model.doStream({
        ...sampling,
        prompt: toPrompt(messages),
        abortSignal: signal,
        includeRawChunks: true,
      });
      stream = result.stream;
      headers = result.response?.headers;
    } catch (error) {
      idle?.stop();
      throw toProviderError(idle?.signal.aborted ? idle.signal.reason : error, target.endpoint.id, target.apiKey);
    }
    return mapParts(stream, target, idle, rateLimitResetMs(headers));
  };
}

async function* mapParts(
  stream: ReadableStream<LanguageModelV4StreamPart>,
  target: ProviderTarget,
  idle: IdleTimer | undefined,
  resetInMs: number | undefined,
): AsyncGenerator<ProviderPart> {
  const protocol = wireProtocols[target.endpoint.kind];
  const account: RawAccount = {};
  const endpointId = target.endpoint.id;
  if (resetInMs !== undefined) yield { type: 'rate-limit', resetInMs };
  try {
    for await (const part of stream) {
      idle?.onEvent();
      switch (part.type) {
        case 'raw': {
          const before = account.usage;
          readRawEvent(protocol, account, part.rawValue);
          // Running counts, so a call cut short is still priced from what the provider said.
          if (account.usage && account.usage !== before) yield { type: 'usage', usage: account.usage };
          break;
        }
        case 'response-metadata':
          // Provider text that reaches the history: a provider echoing the key must not put it there.
          yield {
            type: 'response-metadata',
            modelId: part.modelId ? redactKey(part.modelId, target.apiKey) : undefined,
          };
          break;
        case 'text-delta':
          yield { type: 'text-delta', text: part.delta };
          break;
        case 'reasoning-delta':
          yield { type: 'reasoning-delta', text: part.delta };
          break;
        case 'error':
          yield { type: 'error', error: streamErrorToProviderError(part.error, endpointId, target.apiKey) };
          return;
        case 'finish':
          if (part.finishReason.unified === 'interrupted' || part.finishReason.unified === 'error') {
            yield { type: 'error', error: interrupted(endpointId) };
            return;
          }
          yield {
            type: 'finish',
            finishReason: redactKey(
              account.finish ?? part.finishReason.raw ?? part.finishReason.unified,
              target.apiKey,
            ),
            usage: account.usage ?? null,
            servedModel: account.model === undefined ? undefined : redactKey(account.model, target.apiKey),
            providerCostUSD: account.costUSD,
          };
          return;
      }
    }
    yield { type: 'error', error: interrupted(endpointId) };
  } catch (error) {
    const reason = idle?.signal.aborted ? idle.signal.reason : error;
    yield { type: 'error', error: toProviderError(reason, endpointId, target.apiKey) };
  } finally {
    idle?.stop();
  }
}

function interrupted(endpointId: string): ProviderError {
  return new ProviderError({
    code: 'INTERRUPTED',
    isRetryable: true,
    message: `${endpointId} closed the stream before it finished`,
  });
}
