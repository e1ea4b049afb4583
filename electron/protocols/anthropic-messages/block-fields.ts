import type { TranslationContext } from './translation-context';

export type Block = { type: string } & Record<string, unknown>;

const familyNames = { openai: "OpenAI's Responses API", chat: 'Chat Completions', google: 'Gemini' } as const;

/** The target's API as people know it, for refusals. */
export const apiName = (context: TranslationContext) => familyNames[context.family];

/**
 * Whether a field asks for anything: null, false and an empty object or list are Anthropic's defaults
 * (every flag of the Messages API defaults to false), so they need no translation.
 */
export function isSet(value: unknown): boolean {
  if (value === undefined || value === null || value === false) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

/** Cache breakpoints are Anthropic's own; no translation target has them. */
export function refuseCacheControl(context: TranslationContext, value: unknown, field: string): void {
  if (!isSet(value)) return;
  context.refuse(
    field,
    `prompt-cache breakpoints are Anthropic's; ${apiName(context)} has none. ` +
      'Remove cache_control (Claude Code: set DISABLE_PROMPT_CACHING=1)',
  );
}

/**
 * Refuses every set key of `value` that is not in `handled`: a field Switchboard has no rule for is never
 * dropped silently. `cache_control` is refused with its own reason.
 */
export function refuseOtherKeys(
  context: TranslationContext,
  value: Record<string, unknown>,
  path: string,
  handled: readonly string[],
): void {
  refuseCacheControl(context, value.cache_control, `${path}.cache_control`);
  for (const [key, field] of Object.entries(value)) {
    if (key === 'type' || key === 'cache_control' || handled.includes(key) || !isSet(field)) continue;
    context.refuse(`${path}.${key}`, `Switchboard has no translation of it for ${apiName(context)}`);
  }
}
