import type { NormalizedUsage } from '../../shared/types/usage';
import type { WireProtocol } from './language-model';

/** What the raw events of one stream said about the model that served and its token counts. */
export interface RawAccount {
  model?: string;
  usage?: NormalizedUsage;
  /** The provider's own finish value. */
  finish?: string;
  /** USD the provider reported (OpenRouter's `usage.cost`). */
  costUSD?: number;
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const number = (value: unknown): number | undefined => (typeof value === 'number' ? value : undefined);

function readChat(account: RawAccount, chunk: Json) {
  // Some routers send a first chunk with an empty model (azure-model-router).
  if (!account.model && typeof chunk.model === 'string' && chunk.model) account.model = chunk.model;
  const finish = chunk.choices?.[0]?.finish_reason;
  if (typeof finish === 'string') account.finish = finish;
  const usage = chunk.usage;
  if (!usage) return;
  const prompt = number(usage.prompt_tokens) ?? 0;
  const completion = number(usage.completion_tokens) ?? 0;
  const reasoning = number(usage.completion_tokens_details?.reasoning_tokens) ?? 0;
  // xAI leaves reasoning out of completion_tokens; total_tokens shows it.
  const isReasoningApart = reasoning > 0 && prompt + completion + reasoning === number(usage.total_tokens);
  account.usage = {
    inputTokens: prompt,
    // DeepSeek repeats the cache hits as prompt_cache_hit_tokens: count them once.
    cacheReadTokens: number(usage.prompt_tokens_details?.cached_tokens) ?? number(usage.prompt_cache_hit_tokens) ?? 0,
    cacheWriteTokens: 0,
    outputTokens: isReasoningApart ? completion + reasoning : completion,
    reasoningTokens: reasoning,
  };
  if (number(usage.cost) !== undefined) account.costUSD = usage.cost;
}

function readAnthropic(account: RawAccount, event: Json) {
  const usage =
    event.type === 'message_start' ? event.message?.usage : event.type === 'message_delta' ? event.usage : undefined;
  if (event.type === 'message_start' && typeof event.message?.model === 'string') account.model = event.message.model;
  if (event.type === 'message_delta' && typeof event.delta?.stop_reason === 'string')
    account.finish = event.delta.stop_reason;
  if (!usage) return;
  // message_delta carries running totals that revise message_start's; a repeated start replaces, never adds.
  const previous = account.usage;
  const cacheRead = number(usage.cache_read_input_tokens) ?? previous?.cacheReadTokens ?? 0;
  const cacheWrite = number(usage.cache_creation_input_tokens) ?? previous?.cacheWriteTokens ?? 0;
  const uncached =
    number(usage.input_tokens) ??
    (previous ? previous.inputTokens - previous.cacheReadTokens - previous.cacheWriteTokens : 0);
  account.usage = {
    inputTokens: uncached + cacheRead + cacheWrite,
    cacheReadTokens: cacheRead,
    cacheWriteTokens: cacheWrite,
    outputTokens: number(usage.output_tokens) ?? previous?.outputTokens ?? 0,
    reasoningTokens: null,
  };
  // Model fallback inside one call: the last iteration names the model that answered.
  const iterations = Array.isArray(usage.iterations) ? usage.iterations : [];
  const served = iterations.at(-1)?.model;
  if (typeof served === 'string') account.model = served;
}

function readGoogle(account: RawAccount, chunk: Json) {
  if (typeof chunk.modelVersion === 'string') account.model = chunk.modelVersion;
  const finish = chunk.candidates?.[0]?.finishReason;
  if (typeof finish === 'string') account.finish = finish;
  const usage = chunk.usageMetadata;
  if (!usage) return;
  // Every chunk repeats running totals: the last one wins. Thoughts are outside candidatesTokenCount.
  const thoughts = number(usage.thoughtsTokenCount) ?? 0;
  account.usage = {
    inputTokens: number(usage.promptTokenCount) ?? 0,
    cacheReadTokens: number(usage.cachedContentTokenCount) ?? 0,
    cacheWriteTokens: 0,
    outputTokens: (number(usage.candidatesTokenCount) ?? 0) + thoughts,
    reasoningTokens: thoughts,
  };
}

function readResponses(account: RawAccount, event: Json) {
  const response = event.response;
  if (response && typeof response.model === 'string') account.model = response.model;
  if (typeof event.type === 'string' && /^response\.(completed|incomplete|failed)$/.test(event.type)) {
    account.finish = event.type.slice('response.'.length);
  }
  const usage = response?.usage;
  if (!usage) return;
  account.usage = {
    inputTokens: number(usage.input_tokens) ?? 0,
    cacheReadTokens: number(usage.input_tokens_details?.cached_tokens) ?? 0,
    cacheWriteTokens: 0,
    outputTokens: number(usage.output_tokens) ?? 0,
    reasoningTokens: number(usage.output_tokens_details?.reasoning_tokens) ?? 0,
  };
}

const readers: Record<WireProtocol, (account: RawAccount, value: Json) => void> = {
  'openai-chat': readChat,
  'openai-responses': readResponses,
  anthropic: readAnthropic,
  google: readGoogle,
};

/** Folds one raw event into the account. */
export function readRawEvent(protocol: WireProtocol, account: RawAccount, value: unknown): void {
  if (value && typeof value === 'object') readers[protocol](account, value as Json);
}
