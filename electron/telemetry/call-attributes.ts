import type { Attributes } from '@opentelemetry/api';
import type { EndpointKind } from '../../shared/types/config';
import type { UsageRecord } from '../../shared/types/usage';

/** The prompt and the answer of one call, as the GenAI conventions' message JSON; only with `includeContent`. */
export interface CallContent {
  /** `gen_ai.input.messages`. */
  input: string;
  /** `gen_ai.output.messages`. */
  output: string;
}

/** `gen_ai.provider.name` for each endpoint kind: the conventions' own values, else the kind. */
const providerNames: Record<EndpointKind, string> = {
  openai: 'openai',
  anthropic: 'anthropic',
  google: 'gcp.gemini',
  openrouter: 'openrouter',
  vercel: 'vercel',
  'openai-compatible': 'openai-compatible',
};

export const providerName = (kind: EndpointKind | undefined) => (kind ? providerNames[kind] : 'unknown');

/** The model part of `endpoint-id/model`. */
const modelOf = (target: string) => target.slice(target.indexOf('/') + 1);

/**
 * One finished call as OpenTelemetry GenAI attributes (semantic conventions for GenAI client spans), plus
 * Switchboard's own: cost, target, route and attempts. Never any text of the prompt or the answer.
 */
export function callAttributes(record: UsageRecord, kind: EndpointKind | undefined): Attributes {
  const provider = providerName(kind);
  const target = record.target ?? record.attempts.at(-1)?.target ?? null;
  const attributes: Attributes = {
    'gen_ai.operation.name': operationName(record),
    'gen_ai.provider.name': provider,
    // The older name, still read by many backends.
    'gen_ai.system': provider,
    'gen_ai.request.model': target ? modelOf(target) : record.requestedModel,
    'switchboard.requested_model': record.requestedModel,
    'switchboard.source': record.source,
    'switchboard.status': record.status,
    'switchboard.attempts': record.attempts.length,
    'switchboard.attempted_targets': record.attempts.map((attempt) => attempt.target),
    'switchboard.cost_source': record.costSource,
    'switchboard.call_id': record.id,
  };
  if (target) attributes['switchboard.target'] = target;
  if (record.routeDecision || !record.requestedModel.includes('/'))
    attributes['switchboard.route'] = record.requestedModel;
  if (record.routeDecision) attributes['switchboard.route.strategy'] = record.routeDecision.strategy;
  if (record.routeDecision?.narrowed) attributes['switchboard.route.narrowed'] = record.routeDecision.narrowed;
  if (record.servedModel) attributes['gen_ai.response.model'] = record.servedModel;
  if (record.finishReason) attributes['gen_ai.response.finish_reasons'] = [record.finishReason];
  if (record.conversationId) attributes['gen_ai.conversation.id'] = record.conversationId;
  if (record.apiProtocol) attributes['switchboard.api.protocol'] = record.apiProtocol;
  if (record.apiPath) attributes['switchboard.api.path'] = record.apiPath;
  if (record.costUSD !== null) attributes['switchboard.cost_usd'] = record.costUSD;
  if (record.timeToFirstTokenMs !== null)
    attributes['gen_ai.response.time_to_first_chunk'] = record.timeToFirstTokenMs / 1000;
  if (record.tokensPerSecond !== null) attributes['switchboard.tokens_per_second'] = record.tokensPerSecond;
  const usage = record.usage;
  if (usage) {
    attributes['gen_ai.usage.input_tokens'] = usage.inputTokens;
    attributes['gen_ai.usage.output_tokens'] = usage.outputTokens;
    attributes['gen_ai.usage.cache_read.input_tokens'] = usage.cacheReadTokens;
    attributes['gen_ai.usage.cache_creation.input_tokens'] = usage.cacheWriteTokens;
    if (usage.reasoningTokens !== null) attributes['gen_ai.usage.reasoning.output_tokens'] = usage.reasoningTokens;
  }
  if (record.status !== 'ok') attributes['error.type'] = errorType(record);
  return attributes;
}

/** `embeddings` for a local API embeddings call, else `chat`. */
export const operationName = (record: UsageRecord) =>
  record.apiProtocol === 'openai-embeddings' ? 'embeddings' : 'chat';

/** The call's error code (the last attempt's), else how it ended. */
export function errorType(record: UsageRecord): string {
  return record.attempts.at(-1)?.error?.code ?? record.status;
}
