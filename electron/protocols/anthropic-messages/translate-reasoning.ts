import type { JSONSchema7, LanguageModelV4CallOptions } from '@ai-sdk/provider';
import { apiName, isSet, refuseOtherKeys } from './block-fields';
import type { TranslationContext } from './translation-context';

type Thinking = { type: string; budget_tokens?: number; display?: string | null };
type OutputConfig = { effort?: string | null; format?: { type?: string; schema?: unknown } | null };

/**
 * A thinking budget as a reasoning effort, by its share of `max_tokens`: the AI SDK turns efforts into
 * budgets of 10% (low), 30% (medium) and 60% (high) of the output limit, so the cuts sit halfway between.
 */
export function effortForBudget(budgetTokens: number, maxTokens: number): 'low' | 'medium' | 'high' {
  const share = maxTokens > 0 ? budgetTokens / maxTokens : 1;
  if (share < 0.2) return 'low';
  if (share < 0.45) return 'medium';
  return 'high';
}

function setEffort(context: TranslationContext, effort: string): void {
  if (context.family === 'openai') context.options.openai.reasoningEffort = effort;
  if (context.family === 'chat') context.options.openaiCompatible.reasoningEffort = effort;
}

/** `thinking`: OpenAI and Chat Completions get an effort, Gemini the budget itself. */
export function translateThinking(context: TranslationContext, thinking: Thinking, maxTokens: number): void {
  refuseOtherKeys(context, thinking, 'thinking', ['budget_tokens', 'display']);
  const isShown = thinking.display !== 'omitted';
  const google = context.options.google;
  switch (thinking.type) {
    case 'enabled': {
      if (typeof thinking.budget_tokens !== 'number') {
        context.refuse('thinking.budget_tokens', 'enabled thinking needs a budget_tokens');
      }
      setEffort(context, effortForBudget(thinking.budget_tokens, maxTokens));
      google.thinkingConfig = { thinkingBudget: thinking.budget_tokens, includeThoughts: isShown };
      break;
    }
    case 'adaptive':
      // The model decides how much to think: Gemini's dynamic budget, the others' own default.
      google.thinkingConfig = { thinkingBudget: -1, includeThoughts: isShown };
      break;
    case 'disabled':
      setEffort(context, 'none');
      google.thinkingConfig = { thinkingBudget: 0 };
      break;
    default:
      context.refuse('thinking.type', `"${thinking.type}" thinking has no counterpart in ${apiName(context)}`);
  }
  // OpenAI sends reasoning text only when asked for a summary; "omitted" asks for none.
  if (context.family === 'openai' && thinking.type !== 'disabled') {
    context.options.openai.reasoningSummary = isShown ? 'auto' : null;
  }
}

const googleLevels = ['low', 'medium', 'high', 'xhigh'];

/** `output_config`: the effort level, and the JSON schema the answer must follow. */
export function translateOutputConfig(
  context: TranslationContext,
  config: OutputConfig,
  field = 'output_config',
): Pick<LanguageModelV4CallOptions, 'responseFormat'> {
  refuseOtherKeys(context, config, field, ['effort', 'format']);
  if (isSet(config.effort)) {
    const effort = String(config.effort);
    setEffort(context, effort);
    if (context.family === 'google') {
      if (!googleLevels.includes(effort)) context.refuse(`${field}.effort`, `Gemini's levels end at "xhigh"`);
      const thinking = context.options.google.thinkingConfig as { thinkingBudget?: number; includeThoughts?: boolean };
      // Adaptive thinking's dynamic budget gives way to the level; a budget of the client's own does not.
      if (thinking?.thinkingBudget !== undefined && thinking.thinkingBudget !== -1) {
        context.refuse(`${field}.effort`, 'Gemini takes a thinking budget or a level, not both: leave one out');
      }
      context.options.google.thinkingConfig = {
        thinkingLevel: effort,
        includeThoughts: thinking?.includeThoughts ?? true,
      };
    }
  }
  const responseFormat = isSet(config.format) ? translateFormat(context, config.format!, `${field}.format`) : undefined;
  return responseFormat ? { responseFormat } : {};
}

/** The output schema; the AI SDK's Chat Completions provider would drop it, so it goes in the body itself. */
export function translateFormat(
  context: TranslationContext,
  format: { type?: string; schema?: unknown },
  field: string,
): NonNullable<LanguageModelV4CallOptions['responseFormat']> | undefined {
  refuseOtherKeys(context, format, field, ['schema']);
  if (format.type !== 'json_schema' || !isSet(format.schema)) {
    context.refuse(field, 'an output format is {"type": "json_schema", "schema": {...}}');
  }
  if (context.family !== 'chat') return { type: 'json', schema: format.schema as JSONSchema7 };
  context.options.chatBody.response_format = {
    type: 'json_schema',
    json_schema: { name: 'response', schema: format.schema, strict: true },
  };
  return undefined;
}
