import type { UsageSummary } from '../../shared/contract';
import type { UsageRecord } from '../../shared/types/usage';

/** Sums priced calls only; unpriced ones are counted apart, never added as 0. */
export function summarizeUsage(records: UsageRecord[]): UsageSummary {
  let totalCostUSD = 0;
  let unpricedCount = 0;
  for (const record of records) {
    if (record.costUSD === null) {
      if (record.usage !== null) unpricedCount += 1;
    } else {
      totalCostUSD += record.costUSD;
    }
  }
  return { records, totalCostUSD, unpricedCount };
}
