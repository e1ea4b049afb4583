import type { UsageSummary } from '../../shared/contract';
import type { Store, UsageQuery } from '../store/types';

/** The newest matching calls, and totals over all of them (priced calls summed, unpriced ones counted apart). */
export function usageSummary(store: Store, query: UsageQuery): UsageSummary {
  const byModel = store.spendByModel({ since: query.since, source: query.source });
  const sum = (read: (spend: (typeof byModel)[number]) => number) =>
    byModel.reduce((total, spend) => total + read(spend), 0);
  return {
    records: store.listUsage(query),
    byModel,
    callCount: sum((spend) => spend.calls),
    totalCostUSD: sum((spend) => spend.costUSD),
    pricedCount: sum((spend) => spend.pricedCalls),
    unpricedCount: sum((spend) => spend.unpricedCalls),
  };
}
