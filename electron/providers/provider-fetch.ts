import { ProviderError } from './provider-error';
import { redactKey } from './redact-key';
import type { ProviderTarget } from './types';

/**
 * Marks a request as sent by Switchboard. Its local API refuses requests carrying it, so a base URL
 * that points back at Switchboard fails at once instead of looping.
 */
export const hopHeader = 'x-switchboard-hop';

export const redirectStatuses = new Set([301, 302, 303, 307, 308]);

/**
 * The most bytes read from one provider response. The gateway caps an answer's text far lower; this
 * bounds what is buffered before any text is parsed (one endless SSE line, a huge error body).
 */
export const maxResponseBytes = 64 * 1024 * 1024;

/** Passes the body through, failing it once more than `limit` bytes have come. */
function capBody(response: Response, limit: number, endpointId: string): Response {
  // Infinity: the caller counts the bytes itself as it reads them.
  if (!response.body || limit === Infinity) return response;
  let received = 0;
  const body = response.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.byteLength;
        if (received > limit) {
          controller.error(
            new ProviderError({
              code: 'ANSWER_TOO_LARGE',
              isRetryable: false,
              message: `${endpointId} sent more than ${Math.round(limit / 1024 / 1024)} MiB in one response; Switchboard stopped reading it`,
            }),
          );
          return;
        }
        controller.enqueue(chunk);
      },
    }),
  );
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

function redirectTarget(location: string | null, requestURL: string): string {
  if (!location) return 'an address it did not give';
  try {
    return new URL(location, requestURL).origin;
  } catch {
    return 'an invalid address';
  }
}

function requestURL(input: Parameters<typeof globalThis.fetch>[0]): string {
  if (typeof input === 'string') return input;
  return input instanceof URL ? input.href : input.url;
}

/**
 * The fetch every provider call goes through. It marks the hop and never follows a redirect: fetch
 * would resend the key headers to wherever the redirect points. Every redirect is refused, to the
 * same origin too: the fix (the final address as base URL) is the same, and nothing is resent.
 */
export function createProviderFetch(
  { endpoint, apiKey }: Pick<ProviderTarget, 'endpoint' | 'apiKey'>,
  fetch?: typeof globalThis.fetch,
  limit = maxResponseBytes,
): typeof globalThis.fetch {
  return async (input, init) => {
    const headers = new Headers(input instanceof Request ? input.headers : undefined);
    new Headers(init?.headers).forEach((value, name) => headers.set(name, value));
    headers.set(hopHeader, '1');
    const response = await (fetch ?? globalThis.fetch)(input, {
      ...init,
      headers: Object.fromEntries(headers.entries()),
      redirect: 'manual',
    });
    if (!redirectStatuses.has(response.status)) return capBody(response, limit, endpoint.id);
    await response.body?.cancel().catch(() => {});
    throw redirectRefusal({ endpoint, apiKey }, response.status, response.headers.get('location'), requestURL(input));
  };
}

/**
 * A redirect answered to a provider request, refused: following it would resend the key headers to wherever it
 * points. Every redirect is refused, to the same origin too: the fix (the final address as base URL) is the same.
 */
export function redirectRefusal(
  { endpoint, apiKey }: Pick<ProviderTarget, 'endpoint' | 'apiKey'>,
  status: number,
  location: string | null,
  url: string,
): ProviderError {
  // The provider chose the address: it could carry the key.
  const target = redactKey(redirectTarget(location, url), apiKey);
  // Fails over like a 404: the API is not at this base URL, another target may answer.
  return new ProviderError({
    code: 'PROVIDER_NOT_FOUND',
    status,
    isRetryable: true,
    message:
      `${endpoint.id} answered with a redirect to ${target}; Switchboard does not follow redirects with your key: ` +
      `set the endpoint's base URL to the final address`,
  });
}
