import { createAnthropic } from '@ai-sdk/anthropic';
import { createGoogle } from '@ai-sdk/google';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModelV4 } from '@ai-sdk/provider';
import type { EndpointKind } from '../../shared/types/config';
import type { ClientProtocol } from '../protocols/types';
import { createProviderFetch } from './provider-fetch';
import type { ProviderTarget } from './types';

/** The wire protocol each endpoint kind speaks: it decides how usage is read from raw events. */
export type WireProtocol = 'openai-chat' | 'openai-responses' | 'anthropic' | 'google';

export const wireProtocols: Record<EndpointKind, WireProtocol> = {
  openai: 'openai-responses',
  anthropic: 'anthropic',
  google: 'google',
  openrouter: 'openai-chat',
  vercel: 'openai-chat',
  'openai-compatible': 'openai-chat',
};

/**
 * A local API call goes to a target as sent when the target speaks the client's protocol, else through
 * the AI SDK's neutral call.
 */
export function isPassThrough(kind: EndpointKind, protocol: ClientProtocol): boolean {
  return wireProtocols[kind] === protocol;
}

/** Each kind's API when the endpoint sets no base URL (the AI SDK's defaults). */
export const defaultBaseURLs: Record<EndpointKind, string | undefined> = {
  openai: 'https://api.openai.com/v1',
  anthropic: 'https://api.anthropic.com/v1',
  google: 'https://generativelanguage.googleapis.com/v1beta',
  openrouter: 'https://openrouter.ai/api/v1',
  vercel: 'https://ai-gateway.vercel.sh/v1',
  'openai-compatible': undefined,
};

/** OpenAI-compatible gateways, reached through the AI SDK's OpenAI-compatible provider. */
const compatibleBaseURLs: Partial<Record<EndpointKind, string>> = {
  openrouter: defaultBaseURLs.openrouter,
  vercel: defaultBaseURLs.vercel,
};

/**
 * The AI SDK model for a target; `fetch` is injectable for timeouts. Every request goes through the
 * provider fetch, which never follows a redirect with the key and marks the hop.
 */
export function createLanguageModel(target: ProviderTarget, baseFetch?: typeof globalThis.fetch): LanguageModelV4 {
  const { endpoint, model, apiKey } = target;
  const fetch = createProviderFetch(target, baseFetch);
  const common = { apiKey: apiKey ?? '', baseURL: endpoint.baseURL, fetch };
  switch (endpoint.kind) {
    case 'openai':
      return createOpenAI(common).responses(model);
    case 'anthropic':
      return createAnthropic(common).languageModel(model);
    case 'google':
      return createGoogle(common).languageModel(model);
    case 'openrouter':
    case 'vercel':
    case 'openai-compatible':
      return createOpenAICompatible({
        name: endpoint.id,
        baseURL: endpoint.baseURL ?? compatibleBaseURLs[endpoint.kind]!,
        apiKey,
        fetch,
        // Usage arrives only when asked for, in a last chunk with no choices.
        includeUsage: true,
        // A JSON schema goes out as `json_schema` structured output instead of being dropped for `json_object`.
        supportsStructuredOutputs: true,
      }).chatModel(model);
  }
}
