import type { EndpointConfig, EndpointKind } from '../../shared/types/config';

/** The shapes model lists come in. */
export type ModelListFormat = 'openai' | 'anthropic' | 'google' | 'ollama';

/**
 * Where each kind's API lives when the endpoint sets no base URL: the AI SDK providers' defaults, which
 * calls use too (`electron/providers/language-model.ts`).
 */
export const defaultBaseURLs: Record<EndpointKind, string | undefined> = {
  openai: 'https://api.openai.com/v1',
  anthropic: 'https://api.anthropic.com/v1',
  google: 'https://generativelanguage.googleapis.com/v1beta',
  openrouter: 'https://openrouter.ai/api/v1',
  vercel: 'https://ai-gateway.vercel.sh/v1',
  'openai-compatible': undefined,
};

const formats: Record<EndpointKind, ModelListFormat> = {
  openai: 'openai',
  anthropic: 'anthropic',
  google: 'google',
  openrouter: 'openai',
  vercel: 'openai',
  'openai-compatible': 'openai',
};

/** The most models asked for per page, where the API pages its list. */
const pageSize = 1000;

export interface ModelListRequest {
  format: ModelListFormat;
  /** The first page's address; `nextPage` gives the following ones. */
  url: string;
  headers: Record<string, string>;
}

export function baseURLOf(endpoint: Pick<EndpointConfig, 'kind' | 'baseURL'>): string {
  return (endpoint.baseURL ?? defaultBaseURLs[endpoint.kind] ?? '').replace(/\/+$/, '');
}

/** How the key is sent: as each API expects it, always in a header (never in the address, where logs keep it). */
function keyHeaders(kind: EndpointKind, apiKey: string | undefined): Record<string, string> {
  if (kind === 'anthropic') return { 'anthropic-version': '2023-06-01', ...(apiKey ? { 'x-api-key': apiKey } : {}) };
  if (!apiKey) return {};
  if (kind === 'google') return { 'x-goog-api-key': apiKey };
  return { authorization: `Bearer ${apiKey}` };
}

/** GET `<base URL>/models` in the endpoint's own format (OpenAI, Anthropic and Gemini all keep it there). */
export function modelListRequest(
  endpoint: Pick<EndpointConfig, 'kind' | 'baseURL'>,
  apiKey: string | undefined,
): ModelListRequest {
  const format = formats[endpoint.kind];
  const query = format === 'anthropic' ? `?limit=${pageSize}` : format === 'google' ? `?pageSize=${pageSize}` : '';
  return { format, url: `${baseURLOf(endpoint)}/models${query}`, headers: keyHeaders(endpoint.kind, apiKey) };
}

/** Ollama's own list (`/api/tags`) beside its OpenAI-compatible `/v1`: for servers older than `/v1/models`. */
export function ollamaTagsRequest(endpoint: Pick<EndpointConfig, 'kind' | 'baseURL'>): ModelListRequest | null {
  const base = baseURLOf(endpoint);
  if (!base.endsWith('/v1')) return null;
  return { format: 'ollama', url: `${base.slice(0, -'/v1'.length)}/api/tags`, headers: {} };
}

/** The address of the page after `url`, given the cursor the last page ended with. */
export function nextPage(format: ModelListFormat, url: string, cursor: string): string {
  const next = new URL(url);
  next.searchParams.set(format === 'anthropic' ? 'after_id' : 'pageToken', cursor);
  return next.href;
}
