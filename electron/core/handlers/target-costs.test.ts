import { describe, expect, it } from 'vitest';
import type { UsageRecord } from '../../../shared/types/usage';
import { medianCostByTarget } from './target-costs';

const call = (target: string | null, costUSD: number | null, costSource: UsageRecord['costSource'] = 'config') =>
  ({ target, costUSD, costSource }) as UsageRecord;

describe('medianCostByTarget', () => {
  it('gives each target the median of its priced calls, leaving out replays, unpriced calls and calls none served', () => {
    const costs = medianCostByTarget([
      call('a/m', 0.003),
      call('a/m', 0.001),
      call('a/m', 0.002),
      call('a/m', 0, 'cache'),
      call('b/m', 0.01),
      call('b/m', 0.02, 'estimate'),
      call('c/m', null, 'unknown'),
      call(null, null, 'unknown'),
    ]);
    expect(Object.fromEntries(costs)).toEqual({ 'a/m': 0.002, 'b/m': 0.015 });
  });
});
