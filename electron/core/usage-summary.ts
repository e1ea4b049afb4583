import type { ModelLatency, UsageDay, UsageReport, UsageSummary, UsageTotals } from '../../shared/contract';
import { quantileMs } from '../store/ttft-histogram';
import type { DayModelSums, ModelTtftBuckets, Store, UsageFilter, UsageQuery } from '../store/types';
import { byDayAndModel, mergeBuckets } from '../store/usage-queries';
import { spendByModel } from '../store/usage-sums';

/** The newest matching calls, and totals over all of them (priced calls summed, unpriced ones counted apart). */
export function usageSummary(store: Store, query: UsageQuery): UsageSummary {
  const { limit: _limit, ...filter } = query;
  const byModel = store.spendByModel(filter);
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

const totalKeys = [
  'calls',
  'failedCalls',
  'errorCalls',
  'inputTokens',
  'outputTokens',
  'cacheReadTokens',
  'costUSD',
  'pricedCalls',
  'unpricedCalls',
  'estimatedCalls',
  'estimatedCostUSD',
  'cacheHits',
  'savedUSD',
  'unsavedHits',
  'failoverCalls',
] as const satisfies readonly (keyof UsageTotals & keyof DayModelSums)[];

function sumTotals(rows: DayModelSums[]): UsageTotals {
  const totals = Object.fromEntries(totalKeys.map((key) => [key, 0])) as unknown as UsageTotals;
  for (const row of rows) for (const key of totalKeys) totals[key] += row[key];
  return totals;
}

function byDay(rows: DayModelSums[]): UsageDay[] {
  const days = new Map<string, UsageDay>();
  for (const row of rows) {
    const day = days.get(row.day) ?? {
      day: row.day,
      calls: 0,
      failoverCalls: 0,
      errorCalls: 0,
      costUSD: 0,
      costByModel: [],
    };
    day.calls += row.calls;
    day.failoverCalls += row.failoverCalls;
    day.errorCalls += row.errorCalls;
    day.costUSD += row.costUSD;
    if (row.pricedCalls > 0) day.costByModel.push({ model: row.model, costUSD: row.costUSD });
    days.set(row.day, day);
  }
  return [...days.values()];
}

/** Lets other work (a streaming answer) run before the next slice is read. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Totals, days, spend by model and first-token times over every matching call, with the filters' choices.
 * Read in slices of one short query each, with the event loop free between them: a year of a million calls
 * never holds up an answer streaming meanwhile.
 */
export async function usageReport(store: Store, filter: UsageFilter): Promise<UsageReport> {
  const rows: DayModelSums[] = [];
  const ttft: ModelTtftBuckets[] = [];
  for (const slice of store.readUsage(filter)) {
    if (slice.kind === 'days') rows.push(...slice.rows);
    else ttft.push(...slice.rows);
    await nextTurn();
  }
  rows.sort(byDayAndModel);
  const firstToken: ModelLatency[] = mergeBuckets(ttft)
    .map(({ model, calls, buckets }) => ({
      model,
      calls,
      medianMs: quantileMs(buckets, 0.5)!,
      p95Ms: quantileMs(buckets, 0.95)!,
    }))
    .sort((a, b) => a.medianMs - b.medianMs || (a.model < b.model ? -1 : 1));
  return {
    totals: sumTotals(rows),
    byModel: spendByModel(rows),
    days: byDay(rows),
    firstToken,
    choices: store.usageChoices(),
  };
}
