import type { ApiCall } from '../protocols/types';
import { httpError } from './http-error';
import { apiRoot, authHeaders } from './pass-through/wire-request';
import { createProviderFetch } from './provider-fetch';
import { toProviderError } from './to-provider-error';
import type { ProviderTarget } from './types';

/**
 * One JSON request to a provider API that does not stream (embeddings, Anthropic's token count): the
 * client's body with `model` rewritten, the target's key, through the provider fetch (no redirects, the
 * hop header). The answer's text, or a ProviderError.
 */
export async function callDirect(
  target: ProviderTarget,
  path: string,
  api: Pick<ApiCall, 'protocol' | 'body' | 'forwardHeaders'>,
  options: { signal?: AbortSignal; fetch?: typeof globalThis.fetch } = {},
): Promise<string> {
  const { endpoint, apiKey } = target;
  const url = apiRoot(target) + path;
  const fetch = createProviderFetch(target, options.fetch);
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: authHeaders(target, api),
      body: JSON.stringify({ ...api.body, model: target.model }),
      signal: options.signal,
    });
    if (!response.ok) throw await httpError(response, url, endpoint.id, apiKey);
    return await response.text();
  } catch (error) {
    throw toProviderError(error, endpoint.id, apiKey);
  }
}
