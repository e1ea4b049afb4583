import type { SharedV4ProviderOptions } from '@ai-sdk/provider';
import type { EndpointKind } from '../../../shared/types/config';
import { UnsupportedFieldError, type TranslationTarget } from '../types';

/**
 * What a translated Messages request can become, by the AI SDK provider each endpoint kind is reached
 * through: OpenAI's Responses API, Chat Completions (OpenRouter, Vercel, any OpenAI-compatible server),
 * or Gemini. Anthropic targets never translate a Messages request: it passes through.
 */
export type TargetFamily = 'openai' | 'chat' | 'google';

const families: Record<Exclude<EndpointKind, 'anthropic'>, TargetFamily> = {
  openai: 'openai',
  openrouter: 'chat',
  vercel: 'chat',
  'openai-compatible': 'chat',
  google: 'google',
};

/** The provider options a translation gathers, per AI SDK provider. */
interface OptionsDraft {
  openai: Record<string, unknown>;
  openaiCompatible: Record<string, unknown>;
  /** Chat Completions fields the AI SDK has no setting for, sent as they are (see chatBodyKey). */
  chatBody: Record<string, unknown>;
  google: Record<string, unknown>;
}

export interface TranslationContext {
  target: TranslationTarget;
  family: TargetFamily;
  options: OptionsDraft;
  /** Ends the translation with a 400 naming the field and the target. */
  refuse(field: string, reason: string): never;
}

export function createTranslationContext(target: TranslationTarget): TranslationContext {
  if (target.kind === 'anthropic') {
    // The gateway passes Messages requests through to Anthropic; reaching here is a wiring mistake.
    throw new Error(`${target.target} speaks Anthropic Messages: the request passes through untranslated`);
  }
  return {
    target,
    family: families[target.kind],
    options: { openai: {}, openaiCompatible: {}, chatBody: {}, google: {} },
    refuse(field, reason) {
      throw new UnsupportedFieldError(field, target.target, reason);
    },
  };
}

/**
 * `@ai-sdk/openai-compatible` copies into the request body whatever sits under its provider name, which
 * Switchboard sets to the endpoint id (electron/providers/language-model.ts); the name is cut at its
 * first dot.
 */
export function chatBodyKey(target: TranslationTarget): string {
  return target.target.split('/')[0]!.split('.')[0]!.trim();
}

const isEmpty = (record: Record<string, unknown>) => Object.keys(record).length === 0;

/** The gathered options in the shape `LanguageModelV4CallOptions.providerOptions` takes. */
export function finishProviderOptions(context: TranslationContext): SharedV4ProviderOptions | undefined {
  const { options, family, target } = context;
  const result: Record<string, Record<string, unknown>> = {};
  if (family === 'openai' && !isEmpty(options.openai)) result.openai = options.openai;
  if (family === 'google' && !isEmpty(options.google)) result.google = options.google;
  if (family === 'chat') {
    if (!isEmpty(options.openaiCompatible)) result.openaiCompatible = options.openaiCompatible;
    if (!isEmpty(options.chatBody)) result[chatBodyKey(target)] = options.chatBody;
  }
  return isEmpty(result) ? undefined : (result as SharedV4ProviderOptions);
}
