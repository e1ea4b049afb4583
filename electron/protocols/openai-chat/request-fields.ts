import type { EndpointKind } from '../../../shared/types/config';
import { responseFormatSchemas } from './request-schema';
import { toPrompt } from './translate-messages';
import {
  translateFunctionCall,
  translateFunctions,
  translateParallelToolCalls,
  translateToolChoice,
  translateTools,
} from './translate-tools';
import { providerNames, type TranslationContext } from './translation-context';

type FieldRule = (context: TranslationContext, field: string) => void;

/** A field no translated target can honour. */
const refused =
  (reason: string): FieldRule =>
  (context, field) =>
    context.refuse(field, reason);

/** A field only OpenAI's own API takes, set as the named option of `@ai-sdk/openai`. */
const openAIOnly =
  (option: string): FieldRule =>
  (context, field) => {
    if (context.kind !== 'openai') context.refuse(field, `only OpenAI takes it, not ${providerNames[context.kind]}`);
    context.setProviderOption(option, context.request[field]);
  };

const isThinking = (context: TranslationContext) =>
  context.request.reasoning_effort != null && context.request.reasoning_effort !== 'none';

/** OpenAI's Responses API and Anthropic take no seed, penalties or (OpenAI) stop sequences. */
const samplingRefusedBy =
  (kinds: EndpointKind[], setting: (context: TranslationContext) => void): FieldRule =>
  (context, field) => {
    if (kinds.includes(context.kind)) context.refuse(field, `${providerNames[context.kind]} has no such setting`);
    setting(context);
  };

const penalty =
  (key: 'presencePenalty' | 'frequencyPenalty'): FieldRule =>
  (context, field) => {
    if (context.kind === 'openai' || context.kind === 'anthropic') {
      context.refuse(field, `${providerNames[context.kind]} has no such setting`);
    }
    if (context.kind === 'google' && /(^|[/.])gemini-2\.5(?:[.-]|$)/i.test(context.modelName)) {
      context.refuse(field, "Gemini 2.5 on Google's API has no penalties");
    }
    context.call[key] = context.request[field] as number;
  };

/**
 * Every request field of Chat Completions (OpenAI's API reference, and `ChatCompletionCreateParams` of the `openai`
 * SDK), in the order they are translated. Each either sets the neutral call or refuses by name; a field not in this
 * table is refused too.
 */
export const requestFields: Record<string, FieldRule> = {
  model: () => {},
  stream: () => {},
  // include_usage is the encoder's; obfuscation padding is not added on the loopback hop.
  stream_options: () => {},
  messages: (context) => {
    context.call.prompt = toPrompt(context.request.messages, context);
  },
  tools: translateTools,
  functions: translateFunctions,
  tool_choice: translateToolChoice,
  function_call: translateFunctionCall,
  parallel_tool_calls: translateParallelToolCalls,
  reasoning_effort: (context) => {
    const effort = context.request.reasoning_effort!;
    // The AI SDK maps it for each model: OpenAI's effort, Anthropic's adaptive thinking or a thinking budget,
    // Gemini's thinking level or budget.
    context.call.reasoning = effort;
    if (context.kind === 'google' && effort !== 'none')
      context.setProviderOption('thinkingConfig', { includeThoughts: true });
  },
  response_format: (context, field) => {
    const requested = context.request.response_format!;
    const formatSchema = responseFormatSchemas[requested.type as keyof typeof responseFormatSchemas];
    if (!formatSchema) return context.refuse(field, `a "${requested.type}" response format has no translation`);
    const format = formatSchema.parse(requested);
    if (format.type === 'text') {
      context.call.responseFormat = { type: 'text' };
      return;
    }
    if (format.type === 'json_object') {
      if (context.kind === 'anthropic') {
        context.refuse(field, 'Anthropic answers in JSON only to a schema: send a json_schema response_format');
      }
      context.call.responseFormat = { type: 'json' };
      return;
    }
    const { name, description, schema, strict } = format.json_schema;
    context.call.responseFormat = {
      type: 'json',
      name,
      ...(description !== undefined ? { description } : {}),
      ...(schema ? { schema: schema as never } : {}),
    };
    // Chat Completions is strict only when asked; the AI SDK's OpenAI providers are strict unless told otherwise.
    if (context.kind === 'openai' || context.providerOptionsKey === 'openaiCompatible') {
      context.setProviderOption('strictJsonSchema', strict === true);
    }
  },
  temperature: (context, field) => {
    const temperature = context.request.temperature!;
    if (context.kind === 'anthropic' && temperature > 1) context.refuse(field, "Anthropic's temperature is 0 to 1");
    if (context.kind === 'anthropic' && isThinking(context)) {
      context.refuse(field, 'Anthropic takes no temperature while thinking: leave out one of them');
    }
    context.call.temperature = temperature;
  },
  top_p: (context, field) => {
    if (context.kind === 'anthropic' && context.request.temperature != null) {
      context.refuse(field, 'Anthropic takes temperature or top_p, not both');
    }
    if (context.kind === 'anthropic' && isThinking(context)) {
      context.refuse(field, 'Anthropic takes no top_p while thinking: leave out one of them');
    }
    context.call.topP = context.request.top_p!;
  },
  max_tokens: (context) => {
    context.call.maxOutputTokens = context.request.max_completion_tokens ?? context.request.max_tokens!;
  },
  max_completion_tokens: (context) => {
    context.call.maxOutputTokens = context.request.max_completion_tokens!;
  },
  stop: samplingRefusedBy(['openai'], (context) => {
    const stop = context.request.stop!;
    context.call.stopSequences = typeof stop === 'string' ? [stop] : stop;
  }),
  seed: samplingRefusedBy(['openai', 'anthropic'], (context) => {
    context.call.seed = context.request.seed!;
  }),
  presence_penalty: penalty('presencePenalty'),
  frequency_penalty: penalty('frequencyPenalty'),
  n: (context, field) => {
    if (context.request.n! > 1) context.refuse(field, 'only one answer per request: send one request per answer');
  },
  logprobs: (context, field) => {
    if (context.request.logprobs) context.refuse(field, 'log probabilities are not carried across providers');
  },
  top_logprobs: (context, field) => {
    if (context.request.top_logprobs! > 0) context.refuse(field, 'log probabilities are not carried across providers');
  },
  logit_bias: (context, field) => {
    if (Object.keys(context.request.logit_bias!).length > 0) {
      context.refuse(field, 'token ids differ from one provider to another');
    }
  },
  modalities: (context, field) => {
    if (context.request.modalities!.some((modality) => modality !== 'text')) {
      context.refuse(field, 'only text answers are carried across providers');
    }
  },
  audio: refused('audio answers are not carried across providers'),
  prediction: refused('predicted outputs exist only in Chat Completions'),
  web_search_options: refused(
    "web search runs only on OpenAI's search models: route to an endpoint that speaks Chat Completions",
  ),
  moderation: refused("moderated completions exist only in OpenAI's Chat Completions"),
  verbosity: (context, field) => {
    if (context.kind !== 'openai' && context.providerOptionsKey !== 'openaiCompatible') {
      context.refuse(field, `only OpenAI takes it, not ${providerNames[context.kind]}`);
    }
    context.setProviderOption('textVerbosity', context.request.verbosity);
  },
  metadata: (context, field) => {
    if (Object.keys(context.request.metadata!).length === 0) return;
    openAIOnly('metadata')(context, field);
  },
  user: (context, field) => {
    const user = context.request.user!;
    if (context.kind === 'openai') context.setProviderOption('user', user);
    else if (context.kind === 'anthropic') {
      const identifier = context.request.safety_identifier;
      if (identifier != null && identifier !== user)
        context.refuse(field, 'Anthropic takes one user id: send only safety_identifier');
      context.setProviderOption('metadata', { userId: user });
    } else if (context.providerOptionsKey === 'openaiCompatible') context.setProviderOption('user', user);
    else context.refuse(field, `${providerNames[context.kind]} takes no user id`);
  },
  safety_identifier: (context, field) => {
    if (context.kind === 'anthropic')
      context.setProviderOption('metadata', { userId: context.request.safety_identifier });
    else openAIOnly('safetyIdentifier')(context, field);
  },
  store: (context, field) => {
    if (context.kind === 'openai') return;
    if (context.request.store) context.refuse(field, `${providerNames[context.kind]} keeps no stored completions`);
  },
  service_tier: (context, field) => {
    const tier = context.request.service_tier!;
    if (context.kind === 'openai' && tier !== 'scale') context.setProviderOption('serviceTier', tier);
    else if (tier !== 'auto') context.refuse(field, `${providerNames[context.kind]} has no "${tier}" service tier`);
  },
  prompt_cache_key: openAIOnly('promptCacheKey'),
  prompt_cache_retention: openAIOnly('promptCacheRetention'),
  prompt_cache_options: openAIOnly('promptCacheOptions'),
};
