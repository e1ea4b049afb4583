import type { SharedV4ProviderOptions } from '@ai-sdk/provider';
import type { EndpointKind } from '../../../shared/types/config';
import { UnsupportedFieldError, type TranslatedCall, type TranslationTarget } from '../types';
import type { ChatCompletionRequest } from './request-schema';

/** The `providerOptions` key each kind's AI SDK provider reads (`@ai-sdk/openai-compatible` reads `openaiCompatible`). */
export const providerOptionsKeys: Record<EndpointKind, string> = {
  openai: 'openai',
  anthropic: 'anthropic',
  google: 'google',
  openrouter: 'openaiCompatible',
  vercel: 'openaiCompatible',
  'openai-compatible': 'openaiCompatible',
};

/** What one translation reads and builds; every refusal goes through `refuse`, so it always names field and target. */
export interface TranslationContext {
  request: ChatCompletionRequest;
  target: TranslationTarget;
  kind: EndpointKind;
  /** The model name at the target (`gemini-2.5-flash` for `google/gemini-2.5-flash`). */
  modelName: string;
  /** Where the target's provider options go (`openai`, `anthropic`, `google`, `openaiCompatible`). */
  providerOptionsKey: string;
  call: TranslatedCall;
  refuse(field: string, reason: string): never;
  /** Sets one option of the target's AI SDK provider. */
  setProviderOption(key: string, value: unknown): void;
}

export function createTranslationContext(
  request: ChatCompletionRequest,
  target: TranslationTarget,
): TranslationContext {
  const call: TranslatedCall = { prompt: [] };
  const slash = target.target.indexOf('/');
  return {
    request,
    target,
    kind: target.kind,
    modelName: slash === -1 ? target.target : target.target.slice(slash + 1),
    providerOptionsKey: providerOptionsKeys[target.kind],
    call,
    refuse(field, reason) {
      throw new UnsupportedFieldError(field, target.target, reason);
    },
    setProviderOption(key, value) {
      const options: SharedV4ProviderOptions = call.providerOptions ?? {};
      options[providerOptionsKeys[target.kind]] = {
        ...options[providerOptionsKeys[target.kind]],
        [key]: value as never,
      };
      call.providerOptions = options;
    },
  };
}

/** The provider's name as users know it, for refusal messages. */
export const providerNames: Record<EndpointKind, string> = {
  openai: "OpenAI's Responses API",
  anthropic: 'Anthropic',
  google: 'Gemini',
  openrouter: 'OpenRouter',
  vercel: 'Vercel AI Gateway',
  'openai-compatible': 'this OpenAI-compatible endpoint',
};
