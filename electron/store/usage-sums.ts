import type { ModelSpend } from '../../shared/contract/usage';
import type { DayModelSums } from './types';

/** Day rows summed by model, most expensive first (then most calls, then by name). */
export function spendByModel(days: DayModelSums[]): ModelSpend[] {
  const byModel = new Map<string, ModelSpend>();
  for (const row of days) {
    const spend = byModel.get(row.model) ?? {
      model: row.model,
      calls: 0,
      inputTokens: 0,
      outputTokens: 0,
      costUSD: 0,
      pricedCalls: 0,
      unpricedCalls: 0,
      failedCalls: 0,
    };
    spend.calls += row.calls;
    spend.inputTokens += row.inputTokens;
    spend.outputTokens += row.outputTokens;
    spend.costUSD += row.costUSD;
    spend.pricedCalls += row.pricedCalls;
    spend.unpricedCalls += row.unpricedCalls;
    spend.failedCalls += row.failedCalls;
    byModel.set(row.model, spend);
  }
  return [...byModel.values()].sort(
    (a, b) => b.costUSD - a.costUSD || b.calls - a.calls || (a.model < b.model ? -1 : a.model > b.model ? 1 : 0),
  );
}
