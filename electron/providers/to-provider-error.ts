import { APICallError, InvalidResponseDataError, TypeValidationError } from '@ai-sdk/provider';
import type { ErrorCode } from '../../shared/errors/codes';
import { ProviderError } from './provider-error';
import { redactKey, withoutKey } from './redact-key';
import { retryAfterMs } from './retry-after';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** What a provider's error body says, whatever its shape. Raw provider text: redact before use. */
export interface BodyFacts {
  message?: string;
  /** The provider's own error type or code (`insufficient_quota`, `overloaded_error`, `INVALID_ARGUMENT`). */
  type?: string;
  /** Google's `google.rpc.ErrorInfo` reason (`API_KEY_INVALID`). */
  reason?: string;
}

/** The provider's own error message, type and reason from an error body. */
export function describeBody(body: unknown): BodyFacts {
  let json: Json | undefined;
  if (typeof body === 'string') {
    try {
      json = JSON.parse(body) as Json;
    } catch {
      return { message: body.slice(0, 300) || undefined };
    }
  } else if (body && typeof body === 'object') json = body as Json;
  const error = (Array.isArray(json) ? json[0]?.error : (json?.error ?? json)) as Json | undefined;
  if (!error || typeof error !== 'object') return {};
  const message = typeof error.message === 'string' ? error.message : undefined;
  const type = [error.type, error.code, error.status].find((value) => typeof value === 'string');
  const details: unknown[] = Array.isArray(error.details) ? error.details : [];
  const reason = details
    .map((detail) => (detail as Json | null)?.reason)
    .find((value): value is string => typeof value === 'string');
  return { message, type, reason };
}

/** Google answers a wrong or expired key with 400 INVALID_ARGUMENT, reason `API_KEY_INVALID`. */
function rejectsTheKey(status: number, body: BodyFacts): boolean {
  if (status !== 400) return false;
  return (
    body.reason?.startsWith('API_KEY_') === true || /\bAPI key (not valid|expired|invalid)/i.test(body.message ?? '')
  );
}

function codeFor(status: number, body: BodyFacts): { code: ErrorCode; isRetryable: boolean } {
  if (status === 401 || status === 403 || rejectsTheKey(status, body)) {
    return { code: 'PROVIDER_AUTH', isRetryable: true };
  }
  if (status === 429) return { code: 'PROVIDER_RATE_LIMITED', isRetryable: true };
  if (status === 404) return { code: 'PROVIDER_NOT_FOUND', isRetryable: true };
  if (status === 408) return { code: 'TIMEOUT', isRetryable: true };
  if (status === 400 || status === 413 || status === 422) return { code: 'PROVIDER_BAD_REQUEST', isRetryable: false };
  return { code: 'PROVIDER_UNAVAILABLE', isRetryable: status === 409 || status >= 500 };
}

function fixFor(code: ErrorCode, endpointId: string): string | undefined {
  if (code === 'PROVIDER_AUTH') {
    return `check the key for ${endpointId} (in Settings or with \`switchboard keys set ${endpointId}\`)`;
  }
  if (code === 'PROVIDER_NOT_FOUND') return 'check the model name';
  if (code === 'PROVIDER_RATE_LIMITED') return 'wait, or check your plan';
  return undefined;
}

/** The provider's words, then the fix: after a colon, or as a sentence of its own when theirs ended one. */
function withFix(detail: string, fix: string | undefined): string {
  if (!fix) return detail;
  return /[.!?]$/.test(detail) ? `${detail} ${fix[0]!.toUpperCase()}${fix.slice(1)}` : `${detail}: ${fix}`;
}

/** Redacts provider text before Switchboard's own words (the endpoint id) are put around it. */
type Redact = (text: string) => string;

function describeFailure(error: unknown, endpointId: string, clean: Redact): ProviderError {
  if (ProviderError.isInstance(error)) return error;
  if (APICallError.isInstance(error) && error.statusCode !== undefined) {
    const body = describeBody(error.responseBody);
    const { code, isRetryable } = codeFor(error.statusCode, body);
    return new ProviderError({
      code,
      status: error.statusCode,
      isRetryable,
      retryAfterMs: retryAfterMs(error.responseHeaders, error.responseBody),
      providerType: body.type,
      message: `${endpointId} answered ${error.statusCode}: ${withFix(clean(body.message ?? error.message), fixFor(code, endpointId))}`,
    });
  }
  const cause = (error as { cause?: { code?: string } })?.cause ?? error;
  const systemCode = (cause as { code?: string })?.code ?? (error as { code?: string })?.code;
  if (
    (error as Error)?.name === 'TimeoutError' ||
    systemCode === 'ETIMEDOUT' ||
    systemCode === 'UND_ERR_HEADERS_TIMEOUT'
  ) {
    return new ProviderError({ code: 'TIMEOUT', isRetryable: true, message: `${endpointId} did not answer in time` });
  }
  const reason =
    systemCode === 'ECONNREFUSED'
      ? 'connection refused (is the server running?)'
      : systemCode === 'ECONNRESET' || systemCode === 'UND_ERR_SOCKET'
        ? 'the connection was reset'
        : systemCode === 'ENOTFOUND'
          ? 'the host name does not resolve'
          : clean(error instanceof Error ? error.message : String(error));
  return new ProviderError({
    code: 'NETWORK',
    isRetryable: true,
    message: `${endpointId} could not be reached: ${reason}`,
    cause: error,
  });
}

/** Any failure of a provider call as a ProviderError whose message names the endpoint and never the key. */
export function toProviderError(error: unknown, endpointId: string, apiKey: string | undefined): ProviderError {
  return withoutKey(
    describeFailure(error, endpointId, (text) => redactKey(text, apiKey)),
    apiKey,
    endpointId,
  );
}

function describeStreamError(error: unknown, endpointId: string, clean: Redact): ProviderError {
  if (ProviderError.isInstance(error) || APICallError.isInstance(error) || error instanceof TypeError) {
    return describeFailure(error, endpointId, clean);
  }
  if (InvalidResponseDataError.isInstance(error) && /ended without/i.test(error.message)) {
    // The SDK's word for a stream cut before its finish: an interruption, not a provider error.
    return new ProviderError({
      code: 'INTERRUPTED',
      isRetryable: true,
      message: `${endpointId} closed the stream before it finished`,
    });
  }
  if (TypeValidationError.isInstance(error) && !isErrorEvent(error.value)) {
    return new ProviderError({
      code: 'PROVIDER_STREAM_ERROR',
      isRetryable: true,
      message: `${endpointId} sent an event Switchboard could not read: ${clean(String(JSON.stringify(error.value)).slice(0, 300))}`,
    });
  }
  // An error event the SDK could not read (say, one without a message) still says what the provider meant.
  const body = describeBody(TypeValidationError.isInstance(error) ? error.value : error);
  const detail =
    body.message ?? (body.type ? undefined : error instanceof Error ? error.message : JSON.stringify(error));
  return new ProviderError({
    code: 'PROVIDER_STREAM_ERROR',
    isRetryable: true,
    providerType: body.type,
    message: `${endpointId} reported an error${body.type ? ` (${clean(body.type)})` : ''}${detail ? `: ${clean(detail)}` : ''}`,
  });
}

function isErrorEvent(value: unknown): boolean {
  return !!value && typeof value === 'object' && ('error' in value || (value as Json).type === 'error');
}

/** An error event inside a stream: before the first token the gateway moves on. */
export function streamErrorToProviderError(
  error: unknown,
  endpointId: string,
  apiKey: string | undefined,
): ProviderError {
  return withoutKey(
    describeStreamError(error, endpointId, (text) => redactKey(text, apiKey)),
    apiKey,
    endpointId,
  );
}
