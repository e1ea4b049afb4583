import { z } from 'zod';
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

/** Which calls to look at. */
export const usageFilterSchema = z.object({
  /** ISO date or time; only calls from then on. */
  since: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  /** Only calls from the app or only from the local API. */
  source: z.enum(['app', 'api']).optional(),
});

export const usageRoutes = {
  'usage.list': route<UsageSummary>()(
    usageFilterSchema.extend({ limit: z.number().int().positive().max(10_000).default(200) }),
  ),
};
