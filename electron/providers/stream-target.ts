import type { LanguageModelV4Prompt, LanguageModelV4StreamPart } from '@ai-sdk/provider';
import type { ChatMessage } from '../../shared/types/chat';
import { createLanguageModel, wireProtocols } from './language-model';
import { ProviderError } from './provider-error';
import { rateLimitResetMs } from './rate-limit';
import { readRawEvent, type RawAccount } from './raw-usage';
import { streamErrorToProviderError, toProviderError } from './to-provider-error';
import type { ProviderPart, ProviderTarget, StreamTarget } from './types';

function toPrompt(messages: ChatMessage[]): LanguageModelV4Prompt {
  return messages.map((message) =>
    message.role === 'system'
      ? { role: 'system', content: message.content }
      : { role: message.role, content: [{ type: 'text', text: message.content }] },
  );
}

export interface StreamTargetOptions {
  fetch?: typeof globalThis.fetch;
  /** Longest wait for the response and between two events. */
  timeoutMs?: number;
}

/** Streams from one target through its AI SDK provider, reading usage from the raw events. */
export function createStreamTarget(options: StreamTargetOptions = {}): StreamTarget {
  const timeoutMs = options.timeoutMs ?? 60_000;

  return async (target, request) => {
    const model = createLanguageModel(target, options.fetch);
    const idle = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const armTimer = () => {
      clearTimeout(timer);
      timer = setTimeout(() => idle.abort(new DOMException('no answer in time', 'TimeoutError')), timeoutMs);
      timer.unref();
    };
    const signal = request.abortSignal ? AbortSignal.any([request.abortSignal, idle.signal]) : idle.signal;
    armTimer();
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
      clearTimeout(timer);
      throw idle.signal.aborted
        ? toProviderError(idle.signal.reason, target.endpoint.id, target.apiKey)
        : toProviderError(error, target.endpoint.id, target.apiKey);
    }
    return mapParts(stream, target, armTimer, () => clearTimeout(timer), idle.signal, rateLimitResetMs(headers));
  };
}

async function* mapParts(
  stream: ReadableStream<LanguageModelV4StreamPart>,
  target: ProviderTarget,
  onProgress: () => void,
  onEnd: () => void,
  idleSignal: AbortSignal,
  resetInMs: number | undefined,
): AsyncGenerator<ProviderPart> {
  const protocol = wireProtocols[target.endpoint.kind];
  const account: RawAccount = {};
  const endpointId = target.endpoint.id;
  if (resetInMs !== undefined) yield { type: 'rate-limit', resetInMs };
  try {
    for await (const part of stream) {
      onProgress();
      switch (part.type) {
        case 'raw':
          readRawEvent(protocol, account, part.rawValue);
          break;
        case 'response-metadata':
          yield { type: 'response-metadata', modelId: part.modelId || undefined };
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
            finishReason: account.finish ?? part.finishReason.raw ?? part.finishReason.unified,
            usage: account.usage ?? null,
            servedModel: account.model,
            providerCostUSD: account.costUSD,
          };
          return;
      }
    }
    yield { type: 'error', error: interrupted(endpointId) };
  } catch (error) {
    const reason = idleSignal.aborted ? idleSignal.reason : error;
    yield { type: 'error', error: toProviderError(reason, endpointId, target.apiKey) };
  } finally {
    onEnd();
  }
}

function interrupted(endpointId: string): ProviderError {
  return new ProviderError({
    code: 'INTERRUPTED',
    isRetryable: true,
    message: `${endpointId} closed the stream before it finished`,
  });
}
