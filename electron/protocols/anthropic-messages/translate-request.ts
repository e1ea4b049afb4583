import type { TranslatedCall, TranslationTarget } from '../types';
import { apiName, isSet } from './block-fields';
import { translatePrompt } from './translate-messages';
import { translateFormat, translateOutputConfig, translateThinking } from './translate-reasoning';
import { translateToolChoice, translateTools } from './translate-tools';
import { createTranslationContext, finishProviderOptions, type TranslationContext } from './translation-context';

type Body = Record<string, unknown>;
type Rule = (value: never, context: TranslationContext, call: TranslatedCall, body: Body, field: string) => void;

/** A field only Anthropic has: refused on every translation target, with the reason. */
const anthropicOnly =
  (reason: string): Rule =>
  (_value, context, _call, _body, field) =>
    context.refuse(field, reason);

const serviceTiers = { auto: 'auto', standard_only: 'default' } as const;

/**
 * Every top-level field of a Messages request and what a translation does with it, in the order they
 * are read (thinking before output_config, whose effort wins). A field not listed here is refused.
 */
export const messagesFieldRules: Record<string, Rule> = {
  // The route's target names the model; the stream choice belongs to the local API.
  model: () => {},
  stream: () => {},
  messages: (_value, context, call, body) => {
    call.prompt = translatePrompt(context, body);
  },
  system: () => {}, // Read with the messages.
  max_tokens: (value: number, context, call) => {
    if (value === 0) context.refuse('max_tokens', "max_tokens 0 only warms Anthropic's prompt cache");
    call.maxOutputTokens = value;
  },
  temperature: (value: number, _context, call) => {
    call.temperature = value;
  },
  top_p: (value: number, _context, call) => {
    call.topP = value;
  },
  top_k: (value: number, context, call) => {
    if (context.family === 'openai') context.refuse('top_k', "OpenAI's Responses API has no top-k sampling");
    if (context.family === 'chat') context.options.chatBody.top_k = value;
    else call.topK = value;
  },
  stop_sequences: (value: string[], context, call) => {
    if (value.length === 0) return;
    if (context.family === 'openai') context.refuse('stop_sequences', "OpenAI's Responses API has no stop sequences");
    call.stopSequences = value;
  },
  metadata: (value: Body, context) => {
    for (const key of Object.keys(value).filter((key) => key !== 'user_id' && isSet(value[key]))) {
      context.refuse(`metadata.${key}`, `Switchboard has no translation of it for ${apiName(context)}`);
    }
    if (!isSet(value.user_id)) return;
    // The end user's id, for the provider's abuse checks.
    if (context.family === 'openai') context.options.openai.safetyIdentifier = value.user_id;
    if (context.family === 'chat') context.options.openaiCompatible.user = value.user_id;
    if (context.family === 'google') context.refuse('metadata.user_id', 'Gemini takes no end-user id');
  },
  service_tier: (value: string, context) => {
    if (!(value in serviceTiers)) context.refuse('service_tier', `"${value}" is not a tier Switchboard knows`);
    const tier = value as keyof typeof serviceTiers;
    if (context.family === 'openai') context.options.openai.serviceTier = serviceTiers[tier];
    if (context.family === 'chat') context.options.chatBody.service_tier = serviceTiers[tier];
    // Gemini's default tier is standard, which is what "auto" falls back to.
    if (context.family === 'google' && tier === 'standard_only') context.options.google.serviceTier = 'standard';
  },
  tools: (value: Body[], context, call) => {
    if (value.length > 0) call.tools = translateTools(context, value as never);
  },
  tool_choice: (value: never, context, call) => {
    call.toolChoice = translateToolChoice(context, value);
  },
  thinking: (value: never, context, _call, body) => {
    translateThinking(context, value, body.max_tokens as number);
  },
  output_config: (value: never, context, call) => {
    Object.assign(call, translateOutputConfig(context, value));
  },
  // The beta's name for output_config.format.
  output_format: (value: never, context, call) => {
    const responseFormat = translateFormat(context, value, 'output_format');
    if (responseFormat) call.responseFormat = responseFormat;
  },
  cache_control: anthropicOnly("prompt-cache breakpoints are Anthropic's. Remove cache_control"),
  container: anthropicOnly("containers run in Anthropic's code execution"),
  mcp_servers: anthropicOnly('Anthropic connects to MCP servers itself; give their tools as "tools" instead'),
  context_management: anthropicOnly('context editing happens at Anthropic'),
  diagnostics: anthropicOnly("prompt-cache diagnostics are Anthropic's"),
  inference_geo: anthropicOnly('the region is chosen at Anthropic'),
  speed: (value: string, context) => {
    if (value !== 'standard') context.refuse('speed', "fast mode is Anthropic's");
  },
};

/**
 * A Messages request as the AI SDK's neutral call for a target of another protocol. Throws
 * UnsupportedFieldError for any field the target cannot honour.
 */
export function translateMessagesRequest(body: Body, target: TranslationTarget): TranslatedCall {
  const context = createTranslationContext(target);
  for (const field of Object.keys(body)) {
    if (!(field in messagesFieldRules) && isSet(body[field])) {
      context.refuse(field, `Switchboard has no translation of it for ${apiName(context)}`);
    }
  }
  const call: TranslatedCall = { prompt: [] };
  for (const [field, rule] of Object.entries(messagesFieldRules)) {
    if (!isSet(body[field]) && field !== 'messages') continue;
    rule(body[field] as never, context, call, body, field);
  }
  const providerOptions = finishProviderOptions(context);
  return providerOptions ? { ...call, providerOptions } : call;
}
