import { z } from 'zod';
import { budgetSchema, endpointIdSchema } from '../types/config';
import type { UsageRecord } from '../types/usage';
import { route } from './define';

/** What one model (the target that served, or the requested id when none did) cost over a period. */
export interface ModelSpend {
  model: string;
  calls: number;
  inputTokens: number;
  outputTokens: number;
  /** Sum over priced calls only. */
  costUSD: number;
  pricedCalls: number;
  /** Calls that used tokens but have no known price: left out of `costUSD`, never counted as 0. */
  unpricedCalls: number;
  /** Calls that ended in error, cancelled or interrupted. */
  failedCalls: number;
}

export interface UsageSummary {
  /** The newest calls that match, up to the limit. */
  records: UsageRecord[];
  /** Every call that matches, by model, most expensive first. */
  byModel: ModelSpend[];
  /** Totals over every call that matches (not only `records`). */
  callCount: number;
  /** Sum over priced calls only. */
  totalCostUSD: number;
  pricedCount: number;
  /** Calls left out of the sum because no price was known. */
  unpricedCount: number;
}

const whenSchema = z.iso.datetime({ offset: true }).or(z.iso.date());

/** Which calls to look at; every filter left out matches every call. */
export const usageFilterSchema = z.object({
  /** ISO date or time; only calls from then on (a date alone: midnight UTC). */
  since: whenSchema.optional(),
  /** ISO date or time; only calls before then (a date alone: up to the end of that day, UTC). */
  until: whenSchema.optional(),
  /** Only calls from the app or only from the local API. */
  source: z.enum(['app', 'api']).optional(),
  status: z.enum(['ok', 'error', 'cancelled', 'interrupted']).optional(),
  /** `endpoint-id/model`: the target that served, or the model asked for when none did. */
  model: z.string().min(1).max(500).optional(),
  /** The endpoint of that model. */
  endpoint: endpointIdSchema.optional(),
  /** Calls made to this route. */
  route: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[^/]+$/, 'a route name has no "/"')
    .optional(),
});
export type UsageFilter = z.input<typeof usageFilterSchema>;

/** Totals over every call that matches. */
export interface UsageTotals {
  calls: number;
  /** Calls that ended in error, cancelled or interrupted. */
  failedCalls: number;
  /** Calls that ended in error. */
  errorCalls: number;
  inputTokens: number;
  outputTokens: number;
  /** Prompt tokens read from a provider's cache. */
  cacheReadTokens: number;
  /** Sum over priced calls, estimates included. */
  costUSD: number;
  pricedCalls: number;
  /** Calls that used tokens but have no known price: left out of `costUSD`. */
  unpricedCalls: number;
  /** Calls cut short, priced from estimated tokens; their cost is part of `costUSD`. */
  estimatedCalls: number;
  estimatedCostUSD: number;
  /** Answers replayed from a route's cache (no provider called). */
  cacheHits: number;
  /** What the replayed answers cost when first made: what the cache saved. */
  savedUSD: number;
  /** Replays whose first answer had no known price: left out of `savedUSD`. */
  unsavedHits: number;
  /** Calls that needed more than one attempt (a failover or a retry). */
  failoverCalls: number;
}

/** One UTC day of the matching calls. */
export interface UsageDay {
  /** `2026-11-01`. */
  day: string;
  calls: number;
  failoverCalls: number;
  errorCalls: number;
  costUSD: number;
  /** The day's cost per model, priced calls only. */
  costByModel: { model: string; costUSD: number }[];
}

/** Time to first token of one model's calls that got one. */
export interface ModelLatency {
  model: string;
  calls: number;
  /** Read from a histogram with buckets 15% wide: within about 7% of the exact value. */
  medianMs: number;
  p95Ms: number;
}

export interface UsageReport {
  totals: UsageTotals;
  /** By model, most expensive first. */
  byModel: ModelSpend[];
  /** Oldest first; only days with calls. */
  days: UsageDay[];
  /** By model, fastest median first. */
  firstToken: ModelLatency[];
  /** What the filters offer: every model, endpoint and route in the history. */
  choices: { models: string[]; endpoints: string[]; routes: string[] };
}

/** Where a page of calls ended; the next page starts after it. */
const cursorSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z\|\d+$/, 'a cursor from the previous page');

export interface UsagePage {
  /** Newest first. */
  records: UsageRecord[];
  /** The cursor of the next (older) page; null when this was the last. */
  next: string | null;
}

/** A piece of an export file; the pieces in order make the file. */
export interface UsageExportChunk {
  text: string;
  next: string | null;
  /** Calls in this piece. */
  count: number;
}

/** One budget and how much of it this month has used. */
export interface BudgetStatus {
  /** Null: over every endpoint together. */
  endpointId: string | null;
  monthlyUSD: number;
  warnAtPercent: number;
  whenReached: 'warn' | 'stop';
  /** Priced calls this month (UTC), estimates included. */
  spentUSD: number;
  /** Spent as a share of the limit, in percent (may pass 100). */
  percent: number;
  /** `near` from `warnAtPercent` on, `reached` at the limit. */
  state: 'under' | 'near' | 'reached';
}

export interface BudgetReport {
  /** The month counted, `2026-11` (UTC). */
  month: string;
  /** When the count starts again (the next month's first moment, UTC). */
  resetsAt: string;
  budgets: BudgetStatus[];
}

/** Null: the budget over every endpoint together. */
const budgetScopeSchema = z.object({ endpointId: endpointIdSchema.nullable() });

export const usageRoutes = {
  'usage.list': route<UsageSummary>()(
    usageFilterSchema.extend({ limit: z.number().int().positive().max(10_000).default(200) }),
  ),
  /** Totals, charts and filter choices over every matching call. */
  'usage.report': route<UsageReport>()(usageFilterSchema),
  /** One page of the matching calls, newest first. */
  'usage.calls': route<UsagePage>()(
    usageFilterSchema.extend({
      cursor: cursorSchema.optional(),
      limit: z.number().int().positive().max(500).default(50),
    }),
  ),
  /** The matching calls as a CSV or JSON file, in pieces: ask again with `cursor: next` until it is null. */
  'usage.export': route<UsageExportChunk>()(
    usageFilterSchema.extend({
      format: z.enum(['csv', 'json']),
      cursor: cursorSchema.optional(),
      limit: z.number().int().positive().max(5000).default(1000),
    }),
  ),
  'budgets.status': route<BudgetReport>()(z.object({})),
  'budgets.save': route<BudgetReport>()(budgetScopeSchema.extend(budgetSchema.shape)),
  'budgets.remove': route<BudgetReport>()(budgetScopeSchema),
};
