import type { LanguageModelV4CallOptions, LanguageModelV4StreamPart } from '@ai-sdk/provider';
import type { EndpointKind } from '../../shared/types/config';

/**
 * The protocols the local API speaks to its clients. Each is also a provider wire format: a client's
 * request to a target of the same protocol passes through untouched; to any other it is translated
 * through the AI SDK's provider-neutral call.
 */
export type ClientProtocol = 'openai-chat' | 'anthropic' | 'openai-responses';

/** A local API request as the gateway carries it to every target it tries. */
export interface ApiCall {
  protocol: ClientProtocol;
  /** The client's JSON body, never changed: a pass-through target gets it with only `model` rewritten. */
  body: Record<string, unknown>;
  isStream: boolean;
  /** The client's protocol headers a same-protocol target receives (`anthropic-version`, `anthropic-beta`). */
  forwardHeaders: Record<string, string>;
}

/** The target a request is translated for: its kind decides what can be honoured. */
export interface TranslationTarget {
  /** `endpoint-id/model`, named in refusals. */
  target: string;
  kind: EndpointKind;
}

/** The neutral call a translated request becomes (the gateway adds the abort signal). */
export type TranslatedCall = Omit<LanguageModelV4CallOptions, 'abortSignal'>;

/**
 * A request field the target cannot honour. It becomes a 400 naming the field and the target: a field is
 * never dropped silently.
 */
export class UnsupportedFieldError extends Error {
  readonly code = 'UNSUPPORTED_FIELD';
  constructor(
    readonly field: string,
    readonly target: string,
    reason: string,
  ) {
    super(`"${field}" cannot be sent to ${target}: ${reason}`);
    this.name = 'UnsupportedFieldError';
  }
}

/** How one answer is named to the client. */
export interface ResponseMeta {
  /** The protocol's own id (`chatcmpl-…`, `msg_…`, `resp_…`). */
  id: string;
  /** What the client sees as the model: the target that served (`endpoint-id/model`). */
  model: string;
  /** Unix seconds. */
  created: number;
}

/** An answer's end as the encoders need it, in the AI SDK's terms. */
export type NeutralPart = LanguageModelV4StreamPart;

/** A failure in the client's protocol, before anything was sent. */
export interface ProtocolErrorResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** Turns a streamed answer, part by part, into the protocol's SSE text. */
export interface StreamEncoder {
  /** SSE text for one neutral part ('' when the protocol has nothing to send for it). */
  write(part: NeutralPart): string;
  /** SSE text for a failure after the stream began: the protocol's error event, never a clean end. */
  fail(code: string, message: string): string;
}

/** One client protocol of the local API: reading its requests, writing its answers and errors. */
export interface ProtocolCodec {
  protocol: ClientProtocol;
  /**
   * Checks the body's shape (zod, unknown fields kept): the model id and whether it streams, or a 400
   * message naming the field.
   */
  readRequest(
    body: unknown,
  ):
    | { ok: true; body: Record<string, unknown>; modelId: string; isStream: boolean }
    | { ok: false; message: string; param?: string };
  /** The neutral call for a target of another protocol; throws UnsupportedFieldError for what it cannot honour. */
  translate(body: Record<string, unknown>, target: TranslationTarget): TranslatedCall;
  createStreamEncoder(meta: ResponseMeta, body: Record<string, unknown>): StreamEncoder;
  /** A whole (non-streaming) answer from its parts. */
  toResponseBody(meta: ResponseMeta, parts: NeutralPart[], body: Record<string, unknown>): unknown;
  /**
   * `/v1/messages/count_tokens` for a target that cannot count exactly: an estimate of the request's
   * input tokens (the local API marks the answer as an estimate). Only the protocols that have the endpoint.
   */
  countTokens?(body: Record<string, unknown>): number;
  /** A failure before anything was sent, in the protocol's error format (Switchboard's error codes in). */
  toErrorResponse(
    code: string,
    message: string,
    options?: { retryAfterSeconds?: number; param?: string },
  ): ProtocolErrorResponse;
}
