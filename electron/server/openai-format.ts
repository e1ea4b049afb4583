import { z } from 'zod';
import type { ChatMessage } from '../../shared/types/chat';
import type { NormalizedUsage } from '../../shared/types/usage';
import type { SamplingSettings } from '../providers/types';

const contentPart = z.looseObject({ type: z.string(), text: z.string().optional() });

/** The part of OpenAI's chat completion request Switchboard routes; unknown fields are ignored. */
export const chatCompletionRequestSchema = z.looseObject({
  model: z.string().min(1),
  messages: z
    .array(
      z.looseObject({
        role: z.enum(['system', 'developer', 'user', 'assistant']),
        content: z.union([z.string(), z.array(contentPart), z.null()]),
      }),
    )
    .min(1),
  stream: z.boolean().optional(),
  stream_options: z.looseObject({ include_usage: z.boolean().optional() }).nullish(),
  max_tokens: z.number().int().positive().nullish(),
  max_completion_tokens: z.number().int().positive().nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  top_p: z.number().min(0).max(1).nullish(),
  stop: z.union([z.string(), z.array(z.string())]).nullish(),
  seed: z.number().int().nullish(),
  presence_penalty: z.number().min(-2).max(2).nullish(),
  frequency_penalty: z.number().min(-2).max(2).nullish(),
  // Read only to refuse them clearly: silently dropping them would change the answer.
  n: z.number().int().positive().nullish(),
  tools: z.array(z.unknown()).nullish(),
  functions: z.array(z.unknown()).nullish(),
  response_format: z.looseObject({ type: z.string() }).nullish(),
  logprobs: z.boolean().nullish(),
});
export type ChatCompletionRequest = z.infer<typeof chatCompletionRequestSchema>;

/** What the request asks for that Switchboard cannot do yet, said so the client can change it; null when none. */
export function unsupportedFeature(request: ChatCompletionRequest): string | null {
  if ((request.tools?.length ?? 0) > 0 || (request.functions?.length ?? 0) > 0) {
    return 'tools and function calling are not supported by Switchboard yet: send the request without "tools"';
  }
  if ((request.n ?? 1) > 1) return '"n" above 1 is not supported: send one request per answer';
  if (request.response_format && request.response_format.type !== 'text') {
    return `"response_format" ${request.response_format.type} is not supported by Switchboard yet: leave it out`;
  }
  if (request.logprobs) return '"logprobs" is not supported by Switchboard: leave it out';
  return null;
}

/** The sampling settings a provider is asked to use, in the gateway's terms. */
export function toSampling(request: ChatCompletionRequest): SamplingSettings {
  const stop = request.stop ?? undefined;
  const settings: SamplingSettings = {
    maxOutputTokens: request.max_completion_tokens ?? request.max_tokens ?? undefined,
    temperature: request.temperature ?? undefined,
    topP: request.top_p ?? undefined,
    stopSequences: typeof stop === 'string' ? [stop] : stop,
    seed: request.seed ?? undefined,
    presencePenalty: request.presence_penalty ?? undefined,
    frequencyPenalty: request.frequency_penalty ?? undefined,
  };
  // Unset settings are left out, so they neither reach the provider nor change the cache key.
  return Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined));
}

export function toChatMessages(request: ChatCompletionRequest): ChatMessage[] {
  return request.messages.map((message) => ({
    role: message.role === 'developer' ? 'system' : message.role,
    content:
      typeof message.content === 'string'
        ? message.content
        : (message.content ?? []).map((part) => part.text ?? '').join(''),
  }));
}

/** A provider's own finish value in OpenAI's words. */
export function toOpenAIFinishReason(finish: string | null): 'stop' | 'length' | 'tool_calls' | 'content_filter' {
  const value = (finish ?? 'stop').toLowerCase();
  if (['length', 'max_tokens', 'model_context_window_exceeded'].includes(value)) return 'length';
  if (['tool_calls', 'tool_use', 'function_call'].includes(value)) return 'tool_calls';
  if (
    ['content_filter', 'refusal', 'safety', 'recitation', 'blocklist', 'prohibited_content', 'spii'].includes(value)
  ) {
    return 'content_filter';
  }
  return 'stop';
}

export function toOpenAIUsage(usage: NormalizedUsage) {
  return {
    prompt_tokens: usage.inputTokens,
    completion_tokens: usage.outputTokens,
    total_tokens: usage.inputTokens + usage.outputTokens,
    prompt_tokens_details: { cached_tokens: usage.cacheReadTokens },
    completion_tokens_details: { reasoning_tokens: usage.reasoningTokens ?? 0 },
  };
}

/** OpenAI's error body and the HTTP status for one of our error codes. */
export function toOpenAIError(
  code: string,
  message: string,
): { status: number; body: { error: Record<string, unknown> } } {
  const table: Record<string, [number, string]> = {
    INVALID_INPUT: [400, 'invalid_request_error'],
    PROVIDER_BAD_REQUEST: [400, 'invalid_request_error'],
    UNKNOWN_MODEL: [404, 'invalid_request_error'],
    UNKNOWN_ENDPOINT: [404, 'invalid_request_error'],
    PROVIDER_NOT_FOUND: [404, 'invalid_request_error'],
    PROVIDER_RATE_LIMITED: [429, 'rate_limit_error'],
    // As OpenAI answers a spent quota.
    BUDGET_REACHED: [429, 'insufficient_quota'],
    CANCELLED: [499, 'cancelled'],
    CONFIG_INVALID: [500, 'server_error'],
    KEYCHAIN_UNAVAILABLE: [500, 'server_error'],
  };
  const [status, type] = table[code] ?? [502, 'upstream_error'];
  const openAICode = code === 'UNKNOWN_MODEL' || code === 'UNKNOWN_ENDPOINT' ? 'model_not_found' : code.toLowerCase();
  return { status, body: { error: { message, type, param: null, code: openAICode } } };
}
