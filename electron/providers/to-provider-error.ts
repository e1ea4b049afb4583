import { APICallError, InvalidResponseDataError } from '@ai-sdk/provider';
import type { ErrorCode } from '../../shared/errors/codes';
import { ProviderError } from './provider-error';
import { retryAfterMs } from './retry-after';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A key echoed half-masked, as OpenAI does: `sk-proj-****…****1234`. */
const maskedKeyPattern = /[\w-]*\*{3,}[\w-]*/g;

/** Removes the key wherever a provider echoed it back, whole or half-masked. */
export function redact(text: string, apiKey: string | undefined): string {
  const withoutKey = apiKey && apiKey.length >= 4 ? text.split(apiKey).join('[redacted key]') : text;
  return withoutKey.replace(maskedKeyPattern, '[redacted key]');
}

function codeForStatus(status: number): { code: ErrorCode; isRetryable: boolean } {
  if (status === 401 || status === 403) return { code: 'PROVIDER_AUTH', isRetryable: true };
  if (status === 429) return { code: 'PROVIDER_RATE_LIMITED', isRetryable: true };
  if (status === 404) return { code: 'PROVIDER_NOT_FOUND', isRetryable: true };
  if (status === 408) return { code: 'TIMEOUT', isRetryable: true };
  if (status === 400 || status === 413 || status === 422) return { code: 'PROVIDER_BAD_REQUEST', isRetryable: false };
  return { code: 'PROVIDER_UNAVAILABLE', isRetryable: status === 409 || status >= 500 };
}

function fixFor(code: ErrorCode, endpointId: string): string {
  if (code === 'PROVIDER_AUTH') return `: check the key with \`switchboard keys set ${endpointId}\` or in Settings`;
  if (code === 'PROVIDER_NOT_FOUND') return ': check the model name';
  if (code === 'PROVIDER_RATE_LIMITED') return ': wait, or check your plan';
  return '';
}

/** The provider's own error message and type from an error body, whatever its shape. */
export function describeBody(body: unknown): { message?: string; type?: string } {
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
  return { message, type };
}

/** Any failure of a provider call as a ProviderError whose message names the endpoint and never the key. */
export function toProviderError(error: unknown, endpointId: string, apiKey: string | undefined): ProviderError {
  if (ProviderError.isInstance(error)) return error;
  if (APICallError.isInstance(error) && error.statusCode !== undefined) {
    const { code, isRetryable } = codeForStatus(error.statusCode);
    const body = describeBody(error.responseBody);
    const detail = redact(body.message ?? error.message, apiKey);
    return new ProviderError({
      code,
      status: error.statusCode,
      isRetryable,
      retryAfterMs: retryAfterMs(error.responseHeaders, error.responseBody),
      providerType: body.type,
      message: `${endpointId} answered ${error.statusCode}: ${detail}${fixFor(code, endpointId)}`,
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
          : redact(error instanceof Error ? error.message : String(error), apiKey);
  return new ProviderError({
    code: 'NETWORK',
    isRetryable: true,
    message: `${endpointId} could not be reached: ${reason}`,
    cause: error,
  });
}

/** An error event inside a stream: before the first token the gateway moves on. */
export function streamErrorToProviderError(
  error: unknown,
  endpointId: string,
  apiKey: string | undefined,
): ProviderError {
  if (ProviderError.isInstance(error) || APICallError.isInstance(error) || error instanceof TypeError) {
    return toProviderError(error, endpointId, apiKey);
  }
  if (InvalidResponseDataError.isInstance(error) && /ended without/i.test(error.message)) {
    // The SDK's word for a stream cut before its finish: an interruption, not a provider error.
    return new ProviderError({
      code: 'INTERRUPTED',
      isRetryable: true,
      message: `${endpointId} closed the stream before it finished`,
    });
  }
  const body = describeBody(error);
  const message = redact(body.message ?? (error instanceof Error ? error.message : JSON.stringify(error)), apiKey);
  return new ProviderError({
    code: 'PROVIDER_STREAM_ERROR',
    isRetryable: true,
    providerType: body.type,
    message: `${endpointId} reported an error${body.type ? ` (${body.type})` : ''}: ${message}`,
  });
}
