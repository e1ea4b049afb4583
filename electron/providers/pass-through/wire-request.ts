import type { ApiCall, ClientProtocol } from '../../protocols/types';
import { defaultBaseURLs } from '../language-model';
import type { ProviderTarget } from '../types';

/** The provider request a pass-through call becomes. */
export interface WireRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  /**
   * Switchboard asked for the usage chunk the client did not (Chat Completions' `include_usage`), so the
   * call can be priced: that chunk is read, then not forwarded.
   */
  isUsageAdded: boolean;
}

const paths: Record<ClientProtocol, string> = {
  'openai-chat': '/chat/completions',
  anthropic: '/messages',
  'openai-responses': '/responses',
};

/** Anthropic's API version when the client names none. */
export const defaultAnthropicVersion = '2023-06-01';

/** The endpoint's API root: its base URL, else its kind's default, without a trailing slash. */
export function apiRoot(target: ProviderTarget): string {
  const { endpoint } = target;
  const base = endpoint.baseURL ?? defaultBaseURLs[endpoint.kind];
  // Config validation asks every openai-compatible endpoint for a base URL.
  if (base === undefined) throw new Error(`endpoint ${endpoint.id} has no base URL`);
  return base.endsWith('/') ? base.replace(/\/+$/, '') : base;
}

/** How the endpoint's key is sent, and the client's protocol headers a same-protocol provider gets. */
export function authHeaders(target: ProviderTarget, api: Pick<ApiCall, 'protocol' | 'forwardHeaders'>) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (api.protocol === 'anthropic') {
    if (target.apiKey !== undefined) headers['x-api-key'] = target.apiKey;
    headers['anthropic-version'] = api.forwardHeaders['anthropic-version'] ?? defaultAnthropicVersion;
    const beta = api.forwardHeaders['anthropic-beta'];
    if (beta !== undefined) headers['anthropic-beta'] = beta;
  } else if (target.apiKey !== undefined) {
    headers.authorization = `Bearer ${target.apiKey}`;
  }
  return headers;
}

/**
 * The client's body with only `model` rewritten to the target's, except that a streaming Chat Completions
 * call always asks for usage (`stream_options.include_usage`), so it can be priced.
 */
export function wireRequest(target: ProviderTarget, api: ApiCall): WireRequest {
  const body: Record<string, unknown> = { ...api.body, model: target.model };
  let isUsageAdded = false;
  if (api.protocol === 'openai-chat' && api.isStream) {
    const options = body.stream_options;
    const isObject = typeof options === 'object' && options !== null;
    if (!isObject || (options as { include_usage?: unknown }).include_usage !== true) {
      body.stream_options = { ...(isObject ? options : {}), include_usage: true };
      isUsageAdded = true;
    }
  }
  return {
    url: apiRoot(target) + paths[api.protocol],
    headers: authHeaders(target, api),
    body: JSON.stringify(body),
    isUsageAdded,
  };
}
