import type { SharedV4ProviderOptions } from '@ai-sdk/provider';
import { providerNames, providerOptionsKeys, type TranslationContext } from './translation-context';

/**
 * The provider options one message or content part carries: OpenAI's `prompt_cache_breakpoint` for OpenAI,
 * and the `cache_control` marker OpenRouter's clients send, for Anthropic.
 */
export function partProviderOptions(
  part: Record<string, unknown>,
  path: string,
  context: TranslationContext,
  extra: Record<string, unknown> = {},
): SharedV4ProviderOptions | undefined {
  const options: Record<string, unknown> = { ...extra };
  if (part.prompt_cache_breakpoint != null) {
    if (context.kind !== 'openai') {
      context.refuse(`${path}.prompt_cache_breakpoint`, `${providerNames[context.kind]} has no cache breakpoints`);
    }
    options.promptCacheBreakpoint = part.prompt_cache_breakpoint;
  }
  if (part.cache_control != null) {
    if (context.kind !== 'anthropic') {
      context.refuse(`${path}.cache_control`, 'only Anthropic takes cache_control markers');
    }
    options.cacheControl = part.cache_control;
  }
  if (Object.keys(options).length === 0) return undefined;
  return { [providerOptionsKeys[context.kind]]: options as never };
}

/** Refuses any key of `value` not in `known`: a field Switchboard does not know is never dropped silently. */
export function refuseUnknownKeys(
  value: Record<string, unknown>,
  known: readonly string[],
  path: string,
  context: TranslationContext,
) {
  for (const [key, field] of Object.entries(value)) {
    if (field == null || known.includes(key)) continue;
    context.refuse(`${path}.${key}`, 'Switchboard does not know this field, so it cannot translate it');
  }
}
