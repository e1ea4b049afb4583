import type { UsageRecord } from '../../../shared/types/usage';

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/**
 * The median cost of one call at each target, from a route's recent calls: calls the target served with a
 * known price. Replays from the cache (free, no provider called) and unpriced calls are left out, so a
 * target with neither has no entry rather than a cost of 0.
 */
export function medianCostByTarget(records: readonly UsageRecord[]): Map<string, number> {
  const costs = new Map<string, number[]>();
  for (const record of records) {
    if (record.target === null || record.costUSD === null || record.costSource === 'cache') continue;
    const list = costs.get(record.target) ?? [];
    list.push(record.costUSD);
    costs.set(record.target, list);
  }
  return new Map([...costs].map(([target, values]) => [target, median(values)]));
}
