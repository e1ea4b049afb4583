import type { LanguageModelV4StreamPart, SharedV4Warning } from '@ai-sdk/provider';
import type { CodecRegistry } from '../protocols';
import { clientFieldFor } from '../protocols/client-field-names';
import { UnsupportedFieldError, type ApiCall, type TranslatedCall } from '../protocols/types';
import type { IdleTimer } from './idle-timer';
import { createLanguageModel, wireProtocols } from './language-model';
import { ProviderError } from './provider-error';
import { rateLimitResetMs } from './rate-limit';
import { readRawEvent, type RawAccount } from './raw-usage';
import { redactKey } from './redact-key';
import { streamErrorToProviderError, toProviderError } from './to-provider-error';
import type { ProviderPart, ProviderRequest, ProviderTarget } from './types';

/** A field the target cannot honour: a 400 naming it, tried at the next target (which may honour it). */
export function unsupportedField(error: UnsupportedFieldError): ProviderError {
  return new ProviderError({
    code: 'UNSUPPORTED_FIELD',
    isRetryable: false,
    param: error.field,
    message: error.message,
  });
}

/** By its code, not its class: a codec bundled with its own copy of the types throws another class. */
function isUnsupportedField(error: unknown): error is UnsupportedFieldError {
  return error instanceof Error && (error as { code?: unknown }).code === 'UNSUPPORTED_FIELD';
}

/**
 * The first setting the AI SDK says it would drop or change for this target, as a refusal naming the client's
 * field (`service_tier`), not the SDK's setting (`serviceTier`).
 */
function refusedWarning(warnings: SharedV4Warning[], target: string, api: ApiCall): ProviderError | undefined {
  const warning = warnings.find((candidate) => candidate.type === 'unsupported');
  if (warning?.type !== 'unsupported') return undefined;
  const field = clientFieldFor(api.protocol, warning.feature, api.body) ?? warning.feature;
  return unsupportedField(new UnsupportedFieldError(field, target, warning.details ?? 'its provider would drop it'));
}

/**
 * Sends a local API request to a target of another protocol: the client's codec translates the body into
 * the AI SDK's neutral call, the target's provider streams neutral parts (`model-part`), and usage is read
 * from the raw events as on the app's path. A field the codec cannot translate fails before anything is
 * sent; one the AI SDK would drop (its `stream-start` warnings) fails before the first token, and the
 * request already sent is aborted.
 */
export async function openTranslated(
  target: ProviderTarget,
  request: ProviderRequest,
  options: { codecs: CodecRegistry; fetch?: typeof globalThis.fetch; idle?: IdleTimer; signal?: AbortSignal },
): Promise<AsyncIterable<ProviderPart>> {
  const api = request.api!;
  const { endpoint, apiKey } = target;
  const served = `${endpoint.id}/${target.model}`;
  const codec = options.codecs[api.protocol];
  let call: TranslatedCall;
  try {
    call = codec.translate(api.body, { target: served, kind: endpoint.kind });
  } catch (error) {
    if (isUnsupportedField(error)) throw unsupportedField(error);
    throw new ProviderError({
      code: 'INTERNAL',
      isRetryable: false,
      message: `Switchboard could not translate the request for ${served}: ${(error as Error).message}`,
      cause: error,
    });
  }
  const model = createLanguageModel(target, options.fetch);
  let stream: ReadableStream<LanguageModelV4StreamPart>;
  let headers: Record<string, string | undefined> | undefined;
  try {
    const result = await model.doStream({ ...call, abortSignal: options.signal, includeRawChunks: true });
    stream = result.stream;
    headers = result.response?.headers;
  } catch (error) {
    throw toProviderError(options.idle?.signal.aborted ? options.idle.signal.reason : error, endpoint.id, apiKey);
  }
  return modelParts(stream, target, served, api, options.idle, rateLimitResetMs(headers));
}

async function* modelParts(
  stream: ReadableStream<LanguageModelV4StreamPart>,
  target: ProviderTarget,
  served: string,
  api: ApiCall,
  idle: IdleTimer | undefined,
  resetInMs: number | undefined,
): AsyncGenerator<ProviderPart> {
  const protocol = wireProtocols[target.endpoint.kind];
  const { apiKey } = target;
  const endpointId = target.endpoint.id;
  const account: RawAccount = {};
  if (resetInMs !== undefined) yield { type: 'rate-limit', resetInMs };
  try {
    for await (const part of stream) {
      idle?.onEvent();
      switch (part.type) {
        case 'raw': {
          const before = account.usage;
          readRawEvent(protocol, account, part.rawValue);
          if (account.usage && account.usage !== before) yield { type: 'usage', usage: account.usage };
          break;
        }
        case 'stream-start': {
          // Comes before the first token: a setting the SDK would drop is refused, never dropped silently.
          const refusal = refusedWarning(part.warnings, served, api);
          if (refusal) {
            yield { type: 'error', error: refusal };
            return;
          }
          break;
        }
        case 'response-metadata':
          yield {
            type: 'response-metadata',
            modelId: part.modelId ? redactKey(part.modelId, apiKey) : undefined,
          };
          break;
        case 'ping':
          break;
        case 'error':
          yield { type: 'error', error: streamErrorToProviderError(part.error, endpointId, apiKey) };
          return;
        case 'finish':
          if (part.finishReason.unified === 'interrupted' || part.finishReason.unified === 'error') {
            yield { type: 'error', error: interrupted(endpointId) };
            return;
          }
          yield { type: 'model-part', part };
          yield {
            type: 'finish',
            finishReason: redactKey(account.finish ?? part.finishReason.raw ?? part.finishReason.unified, apiKey),
            usage: account.usage ?? null,
            servedModel: account.model === undefined ? undefined : redactKey(account.model, apiKey),
            providerCostUSD: account.costUSD,
          };
          return;
        default:
          yield { type: 'model-part', part };
      }
    }
    yield { type: 'error', error: interrupted(endpointId) };
  } catch (error) {
    const reason = idle?.signal.aborted ? idle.signal.reason : error;
    yield { type: 'error', error: toProviderError(reason, endpointId, apiKey) };
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
