import type { ClientProtocol } from './types';

/**
 * The client's request field for each setting of the AI SDK's neutral call (and of its provider options), per
 * protocol: a setting the SDK would drop is refused under the name the client sent, not the SDK's. Where two
 * fields carry one setting, the first the body holds is named.
 */
const fieldsBySetting: Record<ClientProtocol, Record<string, string[]>> = {
  'openai-chat': {
    temperature: ['temperature'],
    topP: ['top_p'],
    maxOutputTokens: ['max_completion_tokens', 'max_tokens'],
    stopSequences: ['stop'],
    seed: ['seed'],
    presencePenalty: ['presence_penalty'],
    frequencyPenalty: ['frequency_penalty'],
    responseFormat: ['response_format'],
    strictJsonSchema: ['response_format'],
    tools: ['tools', 'functions'],
    strict: ['tools', 'functions'],
    toolChoice: ['tool_choice', 'function_call'],
    parallelToolCalls: ['parallel_tool_calls'],
    disableParallelToolUse: ['parallel_tool_calls'],
    reasoning: ['reasoning_effort'],
    reasoningEffort: ['reasoning_effort'],
    thinkingConfig: ['reasoning_effort'],
    serviceTier: ['service_tier'],
    logprobs: ['logprobs', 'top_logprobs'],
    textVerbosity: ['verbosity'],
    metadata: ['metadata', 'user', 'safety_identifier'],
    user: ['user'],
    safetyIdentifier: ['safety_identifier'],
    store: ['store'],
    promptCacheKey: ['prompt_cache_key'],
    promptCacheRetention: ['prompt_cache_retention'],
    promptCacheOptions: ['prompt_cache_options'],
  },
  anthropic: {
    temperature: ['temperature'],
    topP: ['top_p'],
    topK: ['top_k'],
    maxOutputTokens: ['max_tokens'],
    stopSequences: ['stop_sequences'],
    responseFormat: ['output_config', 'output_format'],
    tools: ['tools'],
    strict: ['tools'],
    toolChoice: ['tool_choice'],
    disableParallelToolUse: ['tool_choice'],
    parallelToolCalls: ['tool_choice'],
    reasoning: ['thinking', 'output_config'],
    reasoningEffort: ['output_config', 'thinking'],
    'extended thinking': ['thinking'],
    thinking: ['thinking'],
    thinkingConfig: ['thinking'],
    effort: ['output_config'],
    serviceTier: ['service_tier'],
    safetyIdentifier: ['metadata'],
    user: ['metadata'],
  },
  'openai-responses': {
    temperature: ['temperature'],
    topP: ['top_p'],
    maxOutputTokens: ['max_output_tokens'],
    responseFormat: ['text'],
    textVerbosity: ['text'],
    response_format: ['text'],
    tools: ['tools'],
    strict: ['tools'],
    toolChoice: ['tool_choice'],
    parallelToolCalls: ['parallel_tool_calls'],
    parallel_tool_calls: ['parallel_tool_calls'],
    disableParallelToolUse: ['parallel_tool_calls'],
    reasoning: ['reasoning'],
    reasoningEffort: ['reasoning'],
    reasoningSummary: ['reasoning'],
    thinkingConfig: ['reasoning'],
    serviceTier: ['service_tier'],
    service_tier: ['service_tier'],
    logprobs: ['top_logprobs'],
    user: ['user'],
    safetyIdentifier: ['safety_identifier'],
    metadata: ['user', 'safety_identifier'],
    promptCacheRetention: ['prompt_cache_retention'],
  },
};

/**
 * The client's field for a neutral setting the AI SDK names (`serviceTier`, `providerOptions.openai.serviceTier`),
 * or undefined when the setting is not one a client field carries (a tool's name, a schema feature).
 */
export function clientFieldFor(
  protocol: ClientProtocol,
  setting: string,
  body: Record<string, unknown>,
): string | undefined {
  const key = setting.startsWith('providerOptions.') ? setting.split('.').at(-1)! : setting;
  const fields = Object.hasOwn(fieldsBySetting[protocol], key) ? fieldsBySetting[protocol][key]! : undefined;
  if (!fields) return undefined;
  return fields.find((field) => body[field] !== undefined && body[field] !== null) ?? fields[0];
}
