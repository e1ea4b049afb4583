import type { EndpointKind } from '../../../shared/types/config';
import { UnsupportedFieldError, type TranslationTarget } from '../types';

/**
 * What a translated call is handed to: the AI SDK provider of the target's kind. OpenRouter, Vercel and
 * OpenAI-compatible endpoints all go through the OpenAI-compatible Chat Completions provider. OpenAI
 * targets speak Responses themselves: a request to one passes through and is never translated.
 */
export type TargetFamily = 'chat' | 'anthropic' | 'google';

export function familyOf(kind: EndpointKind): TargetFamily {
  switch (kind) {
    case 'openai':
      throw new Error('a Responses request to an OpenAI target passes through: it is never translated');
    case 'anthropic':
      return 'anthropic';
    case 'google':
      return 'google';
    case 'openrouter':
    case 'vercel':
    case 'openai-compatible':
      return 'chat';
  }
}

/** The protocol a family speaks, as refusals name it. */
export const familyNames: Record<TargetFamily, string> = {
  chat: 'Chat Completions',
  anthropic: 'Anthropic Messages',
  google: 'the Gemini API',
};

/** Shared by the translation steps: the target and a way to refuse a field by its path. */
export interface TranslationScope {
  target: TranslationTarget;
  family: TargetFamily;
  refuse(field: string, reason: string): never;
}

export function createScope(target: TranslationTarget): TranslationScope {
  return {
    target,
    family: familyOf(target.kind),
    refuse(field, reason) {
      throw new UnsupportedFieldError(field, target.target, reason);
    },
  };
}

/** Refuses every key of `value` outside `known` that carries a value (null and undefined say nothing). */
export function refuseUnknownKeys(
  value: Record<string, unknown>,
  known: readonly string[],
  path: string,
  scope: TranslationScope,
): void {
  for (const [key, entry] of Object.entries(value)) {
    if (known.includes(key) || entry === null || entry === undefined) continue;
    scope.refuse(path ? `${path}.${key}` : key, `Switchboard cannot translate it for ${familyNames[scope.family]}`);
  }
}
