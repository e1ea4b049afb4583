import type { RouteCall } from '../routing/target-stats';
import type { ModelSpend, UsagePage, UsageTotals } from '../../shared/contract/usage';
import type { CallSource, CallStatus, UsageRecord } from '../../shared/types/usage';
import type { CachedAnswer } from '../gateway/types';
import type { CompareVoteTable } from './compare-votes';
import type { ConversationStore } from './conversation-types';
import type { ModelListTable } from './model-lists';
import type { CompareTables } from './compare-tables';
import type { PlaygroundTables } from './playground-tables';

/** Which calls; each filter left out matches every call. */
export interface UsageFilter {
  /** ISO date or time; rows created at or after it. */
  since?: string;
  /** ISO date or time; rows created before it (a date alone: up to the end of that day, UTC). */
  until?: string;
  source?: CallSource;
  status?: CallStatus;
  /** The target that served, or the requested model when none did. */
  model?: string;
  endpoint?: string;
  route?: string;
}

export interface UsageQuery extends UsageFilter {
  limit?: number;
}

/** Sums over the matching calls of one UTC day and one model, from the daily roll-up. */
export interface DayModelSums extends UsageTotals {
  day: string;
  model: string;
}

/** One model's first-token times as a histogram (`usage-rollup.ts` names the buckets). */
export interface ModelTtftBuckets {
  model: string;
  calls: number;
  buckets: number[];
}

/** Part of the matching calls' sums, read by one short query. */
export type UsageSlice = { kind: 'days'; rows: DayModelSums[] } | { kind: 'ttft'; rows: ModelTtftBuckets[] };

/** Every model, endpoint and route the history has calls for. */
export interface UsageChoices {
  models: string[];
  endpoints: string[];
  routes: string[];
}

/** Conversations (conversation-types.ts), the usage history, kept answers and model lists, in one SQLite file. */
export interface Store extends ConversationStore {
  /** Each endpoint's model list as last fetched. */
  modelLists: ModelListTable;
  playground: PlaygroundTables;
  compare: CompareTables;
  /** Compare's blind votes, for the leaderboard. */
  compareVotes: CompareVoteTable;
  recordUsage(record: UsageRecord): void;
  /** A route's recent calls, newest first, for routing by speed and price (electron/routing/). */
  recentRouteCalls(routeName: string): RouteCall[];
  /**
   * Writes the row soon (within `usageFlushMs`, 25 ms), in one transaction with the rows queued beside it: a
   * local API response ends before its row is written. Every read of usage, `flushUsage` and
   * `close` write queued rows first; a failed write is logged and tried again with the next batch.
   */
  queueUsage(record: UsageRecord): void;
  /** Writes every queued row now. */
  flushUsage(): void;
  /** Newest first. */
  listUsage(query?: UsageQuery): UsageRecord[];
  /** Every matching call summed by model, most expensive first. */
  spendByModel(query?: UsageFilter): ModelSpend[];
  /**
   * The matching calls' sums by day and model, then their first-token counts by model, in slices of one
   * short query each: a reader can let streams run between slices.
   */
  readUsage(filter: UsageFilter): Iterable<UsageSlice>;
  /** Every matching call summed by UTC day and model, oldest day first. */
  usageByDayAndModel(filter: UsageFilter): DayModelSums[];
  /** First-token times of the matching calls, by model. */
  firstTokenBuckets(filter: UsageFilter): ModelTtftBuckets[];
  /** A page of the matching calls, newest first, after `cursor` (from the previous page's `next`). */
  listUsagePage(filter: UsageFilter, page: { cursor?: string; limit: number }): UsagePage;
  usageChoices(): UsageChoices;
  /** Priced spending (estimates included) by endpoint over whole UTC days `[fromDay, toDay)`. */
  spendByEndpoint(fromDay: string, toDay: string): { endpoint: string | null; costUSD: number }[];
  /** A kept answer that has not expired by `now` (ISO). */
  getCachedAnswer(key: string, now: string): CachedAnswer | undefined;
  /** Keeps an answer until `expiresAt` (ISO), replacing any under the same key; drops expired ones. */
  putCachedAnswer(key: string, answer: CachedAnswer, now: string, expiresAt: string): void;
  close(): void;
}
