import { z } from 'zod';
import type { UsageRecord } from '../types/usage';
import { route } from './define';

export interface UsageSummary {
  records: UsageRecord[];
  /** Sum over priced calls only. */
  totalCostUSD: number;
  /** Calls left out of the sum because no price was known. */
  unpricedCount: number;
}

export const usageRoutes = {
  'usage.list': route<UsageSummary>()(
    z.object({
      /** ISO date or time; only calls from then on. */
      since: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
      limit: z.number().int().positive().max(10_000).default(200),
    }),
  ),
};
