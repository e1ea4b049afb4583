import type { UsageRecord } from '../../shared/types/usage';

/** A usage row as SQLite holds it. */
export interface UsageRow {
  id: string;
  created_at: string;
  source: UsageRecord['source'];
  status: UsageRecord['status'];
  requested_model: string;
  target: string | null;
  served_model: string | null;
  finish_reason: string | null;
  time_to_first_token_ms: number | null;
  total_ms: number;
  input_tokens: number | null;
  cache_read_tokens: number | null;
  cache_write_tokens: number | null;
  output_tokens: number | null;
  reasoning_tokens: number | null;
  tokens_per_second: number | null;
  cost_usd: number | null;
  cost_source: UsageRecord['costSource'];
  attempts: string;
  error: string | null;
  conversation_id: string | null;
  api_protocol: UsageRecord['apiProtocol'];
  api_path: UsageRecord['apiPath'];
  saved_usd: number | null;
  /** RouteDecision as JSON; null for calls to one model id and rows from before it was kept. */
  route_decision: string | null;
}

/** The columns of `usage`, named in every INSERT. */
export const usageColumns = [
  'id',
  'created_at',
  'source',
  'status',
  'requested_model',
  'target',
  'served_model',
  'finish_reason',
  'time_to_first_token_ms',
  'total_ms',
  'input_tokens',
  'cache_read_tokens',
  'cache_write_tokens',
  'output_tokens',
  'reasoning_tokens',
  'tokens_per_second',
  'cost_usd',
  'cost_source',
  'attempts',
  'error',
  'conversation_id',
  'api_protocol',
  'api_path',
  'saved_usd',
  'route_decision',
] as const satisfies readonly (keyof UsageRow)[];

// A field of UsageRow left out of the list does not compile.
const everyColumnListed: Exclude<keyof UsageRow, (typeof usageColumns)[number]> extends never ? true : never = true;
void everyColumnListed;

export function toUsageRow(record: UsageRecord): UsageRow {
  return {
    id: record.id,
    created_at: record.createdAt,
    source: record.source,
    status: record.status,
    requested_model: record.requestedModel,
    target: record.target,
    served_model: record.servedModel,
    finish_reason: record.finishReason,
    time_to_first_token_ms: record.timeToFirstTokenMs,
    total_ms: record.totalMs,
    input_tokens: record.usage?.inputTokens ?? null,
    cache_read_tokens: record.usage?.cacheReadTokens ?? null,
    cache_write_tokens: record.usage?.cacheWriteTokens ?? null,
    output_tokens: record.usage?.outputTokens ?? null,
    reasoning_tokens: record.usage?.reasoningTokens ?? null,
    tokens_per_second: record.tokensPerSecond,
    cost_usd: record.costUSD,
    cost_source: record.costSource,
    attempts: JSON.stringify(record.attempts),
    error: record.error,
    conversation_id: record.conversationId,
    api_protocol: record.apiProtocol,
    api_path: record.apiPath,
    saved_usd: record.savedUSD ?? null,
    route_decision: record.routeDecision ? JSON.stringify(record.routeDecision) : null,
  };
}

export function fromUsageRow(row: UsageRow): UsageRecord {
  return {
    id: row.id,
    createdAt: row.created_at,
    source: row.source,
    status: row.status,
    requestedModel: row.requested_model,
    target: row.target,
    servedModel: row.served_model,
    finishReason: row.finish_reason,
    timeToFirstTokenMs: row.time_to_first_token_ms,
    totalMs: row.total_ms,
    usage:
      row.input_tokens === null || row.output_tokens === null
        ? null
        : {
            inputTokens: row.input_tokens,
            cacheReadTokens: row.cache_read_tokens ?? 0,
            cacheWriteTokens: row.cache_write_tokens ?? 0,
            outputTokens: row.output_tokens,
            reasoningTokens: row.reasoning_tokens,
          },
    tokensPerSecond: row.tokens_per_second,
    costUSD: row.cost_usd,
    costSource: row.cost_source,
    attempts: JSON.parse(row.attempts) as UsageRecord['attempts'],
    error: row.error,
    conversationId: row.conversation_id,
    apiProtocol: row.api_protocol,
    apiPath: row.api_path,
    savedUSD: row.saved_usd,
    // Left out when there is none, as the gateway leaves it out.
    ...(row.route_decision === null
      ? {}
      : { routeDecision: JSON.parse(row.route_decision) as UsageRecord['routeDecision'] }),
  };
}
