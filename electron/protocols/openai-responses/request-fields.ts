import type { JSONSchema7, JSONValue } from '@ai-sdk/provider';
import type { TranslatedCall } from '../types';
import type { ProviderOptions } from './provider-options';
import { familyNames, refuseUnknownKeys, type TargetFamily, type TranslationScope } from './target-family';

/** What a field's rule may change: the call being built and its provider options. */
export interface FieldContext {
  body: Record<string, unknown>;
  scope: TranslationScope;
  call: TranslatedCall;
  options: ProviderOptions;
}

type FieldRule = (value: NonNullable<unknown>, context: FieldContext, field: string) => void;

const noEffect: FieldRule = () => {};

/** Read elsewhere (the conversation, tools, streaming), listed so no field goes unaccounted for. */
const readElsewhere: FieldRule = noEffect;

function refused(reason: string | ((family: TargetFamily) => string)): FieldRule {
  return (_value, { scope }, field) => scope.refuse(field, typeof reason === 'string' ? reason : reason(scope.family));
}

/** A Chat Completions field with the same name and meaning; for Anthropic, its own rule; refused elsewhere. */
function sameNamedOption(anthropic?: FieldRule): FieldRule {
  return (value, context, field) => {
    const { family } = context.scope;
    if (family === 'chat') return context.options.set(field, value as JSONValue);
    if (family === 'anthropic' && anthropic) return anthropic(value, context, field);
    context.scope.refuse(field, `${familyNames[family]} has no such setting`);
  };
}

/** Anthropic's one user id (`metadata.user_id`) takes `user` or `safety_identifier`, not two different ones. */
const anthropicUserId: FieldRule = (value, { options, scope }, field) => {
  const previous = (options.get('metadata') as { userId?: string } | undefined)?.userId;
  if (previous !== undefined && previous !== value) {
    scope.refuse(field, 'Anthropic takes one user id: send "user" and "safety_identifier" alike, or one of them');
  }
  options.set('metadata', { userId: String(value) });
};

/** Values of `include` a translated answer can honour; the tool ones concern tools that are refused anyway. */
const includable = new Set([
  'reasoning.encrypted_content',
  'file_search_call.results',
  'web_search_call.results',
  'web_search_call.action.sources',
  'code_interpreter_call.outputs',
  'computer_call_output.output.image_url',
  'message.input_image.image_url',
]);

const textRule: FieldRule = (value, { scope, call, options }) => {
  const text = value as Record<string, unknown>;
  refuseUnknownKeys(text, ['format', 'verbosity'], 'text', scope);
  const format = text.format as Record<string, unknown> | null | undefined;
  if (format?.type === 'json_object') {
    // Anthropic has JSON output only with a schema: without one it would answer in free text.
    if (scope.family === 'anthropic') {
      scope.refuse('text.format.type', 'Anthropic has no JSON mode without a schema: send a json_schema format');
    }
    call.responseFormat = { type: 'json' };
  }
  if (format?.type === 'json_schema') {
    refuseUnknownKeys(format, ['type', 'name', 'schema', 'description', 'strict'], 'text.format', scope);
    const responseFormat = {
      type: 'json' as const,
      schema: format.schema as JSONSchema7,
      name: String(format.name),
      ...(typeof format.description === 'string' ? { description: format.description } : {}),
    };
    // Anthropic and Gemini always hold the answer to the schema: stricter than asked, never looser.
    // The OpenAI-compatible provider sends a schema only when built with structured outputs on (else it
    // warns and sends plain json_object): Chat Completions' own field, sent as a body field, keeps it.
    if (scope.family !== 'chat') call.responseFormat = responseFormat;
    if (scope.family === 'chat') {
      options.set('response_format', {
        type: 'json_schema',
        json_schema: {
          name: String(format.name),
          schema: format.schema as JSONValue,
          strict: format.strict === true,
          ...(typeof format.description === 'string' ? { description: format.description } : {}),
        },
      });
    }
  }
  if (text.verbosity !== undefined && text.verbosity !== null) {
    if (scope.family !== 'chat') {
      scope.refuse('text.verbosity', `${familyNames[scope.family]} has no verbosity setting`);
    }
    options.set('textVerbosity', text.verbosity as string);
  }
};

const reasoningRule: FieldRule = (value, { scope, call }) => {
  const reasoning = value as Record<string, unknown>;
  refuseUnknownKeys(reasoning, ['effort', 'summary', 'generate_summary'], 'reasoning', scope);
  if (typeof reasoning.effort === 'string') call.reasoning = reasoning.effort as TranslatedCall['reasoning'];
  // A summary (read by the encoder): the target's reasoning text, where it sends any, comes back as it.
};

/**
 * Every request field of `POST /v1/responses` and what a translated call does with it. A field missing
 * here is refused: nothing is dropped silently.
 */
export const requestFields: Record<string, FieldRule> = {
  model: readElsewhere,
  input: readElsewhere,
  instructions: readElsewhere,
  tools: readElsewhere,
  tool_choice: readElsewhere,
  stream: readElsewhere,
  // Obfuscation pads deltas against network observers; a loopback answer has none to pad against.
  stream_options: (value, { scope }) =>
    refuseUnknownKeys(value as Record<string, unknown>, ['include_obfuscation'], 'stream_options', scope),
  parallel_tool_calls: (value, context) => {
    if (value === true) return; // every provider may call tools in parallel by default
    const { family } = context.scope;
    if (family === 'chat') return context.options.set('parallel_tool_calls', false);
    if (family === 'anthropic') return context.options.set('disableParallelToolUse', true);
    context.scope.refuse(
      'parallel_tool_calls',
      'the Gemini API cannot limit a turn to one tool call: send parallel_tool_calls true, or leave it out',
    );
  },
  text: textRule,
  reasoning: reasoningRule,
  max_output_tokens: (value, { call }) => {
    call.maxOutputTokens = value as number;
  },
  // Counts calls to built-in tools, which a translated call never has (they are refused).
  max_tool_calls: noEffect,
  temperature: (value, { call }) => {
    call.temperature = value as number;
  },
  top_p: (value, { body, scope, call }) => {
    // Anthropic's newer models refuse both together, and its provider drops top_p when both are set.
    if (scope.family === 'anthropic' && typeof body.temperature === 'number') {
      scope.refuse('top_p', 'Anthropic takes temperature or top_p, not both: send one of them');
    }
    call.topP = value as number;
  },
  top_logprobs: (value, { scope }) => {
    if (value !== 0) scope.refuse('top_logprobs', 'log probabilities cannot be translated');
  },
  // A translated answer is never stored (the Response says `store: false`); `previous_response_id` is refused.
  store: noEffect,
  background: (value, { scope }) => {
    if (value === true)
      scope.refuse('background', 'background responses are kept at OpenAI; send the request in the foreground');
  },
  include: (value, { scope }) => {
    for (const [index, entry] of (value as string[]).entries()) {
      if (entry === 'message.output_text.logprobs') {
        scope.refuse(`include[${index}]`, 'log probabilities cannot be translated');
      }
      if (!includable.has(entry))
        scope.refuse(`include[${index}]`, `"${entry}" is not something Switchboard can include`);
    }
  },
  // Echoed on the Response, which is where a translated answer keeps it (nothing is stored).
  metadata: noEffect,
  user: sameNamedOption(anthropicUserId),
  safety_identifier: sameNamedOption(anthropicUserId),
  // A hint for OpenAI's cache routing: other providers cache by their own rules, and the answer is the same.
  prompt_cache_key: noEffect,
  service_tier: (value, context, field) => {
    if (value === 'auto' || value === 'default') return; // standard processing, everywhere
    sameNamedOption()(value, context, field);
  },
  truncation: (value, context) => {
    if (value === 'disabled') return; // an over-long conversation fails: what every provider does
    context.scope.refuse('truncation', `${familyNames[context.scope.family]} does not drop old turns by itself`);
  },
  previous_response_id: refused(
    'a translated call is stateless: send the whole conversation in "input" (with store: false, as Codex does)',
  ),
  conversation: refused('conversations are kept at OpenAI; send the whole conversation in "input"'),
  prompt: refused('prompt templates are kept at OpenAI; send instructions and input instead'),
  prompt_cache_retention: refused((family) => `${familyNames[family]} has no cache retention setting`),
  prompt_cache_options: refused((family) => `${familyNames[family]} has no such cache setting`),
  context_management: refused('OpenAI compacts the conversation itself; no other provider does'),
  moderation: refused('moderation runs at OpenAI only'),
};

/** Applies every field's rule in order; a field with no rule is refused. */
export function applyRequestFields(context: FieldContext): void {
  for (const [field, value] of Object.entries(context.body)) {
    if (value === null || value === undefined) continue;
    const rule = requestFields[field];
    if (!rule) context.scope.refuse(field, 'Switchboard does not know this field, so it cannot translate it');
    rule(value, context, field);
  }
}
