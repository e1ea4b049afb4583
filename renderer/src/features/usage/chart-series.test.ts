import { describe, expect, it } from 'vitest';
import type { UsageDay } from '../../../../shared/contract';
import { callSeries, costSeries, describeCalls, describeCost, describeLatency, fillDays } from './chart-series';

const day = (date: string, costByModel: [string, number][], calls = 1, failoverCalls = 0): UsageDay => ({
  day: date,
  calls,
  failoverCalls,
  errorCalls: 0,
  costUSD: costByModel.reduce((sum, [, cost]) => sum + cost, 0),
  costByModel: costByModel.map(([model, costUSD]) => ({ model, costUSD })),
});

describe('chart series', () => {
  it('fill the days without calls between the first and the last with zeros', () => {
    const filled = fillDays([day('2026-10-30', [['a/x', 1]]), day('2026-11-02', [['a/x', 2]])]);
    expect(filled.map((entry) => [entry.day, entry.costUSD])).toEqual([
      ['2026-10-30', 1],
      ['2026-10-31', 0],
      ['2026-11-01', 0],
      ['2026-11-02', 2],
    ]);
  });

  it('stack cost by model, the costliest first, with models past the palette as Other models', () => {
    const days = [
      day('2026-11-01', [
        ['a/gpt-4.1', 3],
        ['b/small', 1],
        ['c/tiny', 0.5],
      ]),
      day('2026-11-02', [
        ['a/gpt-4.1', 1],
        ['d/least', 0.1],
      ]),
    ];
    const { names, rows } = costSeries(days, 2);
    expect(names).toEqual(['a/gpt-4.1', 'b/small', 'Other models']);
    expect(rows).toEqual([
      { day: '2026-11-01', s0: 3, s1: 1, s2: 0.5 },
      { day: '2026-11-02', s0: 1, s1: 0, s2: 0.1 },
    ]);
    // One model more than the series allows gets its own colour rather than an "Other" of one.
    expect(costSeries(days.slice(0, 1), 2).names).toEqual(['a/gpt-4.1', 'b/small', 'c/tiny']);
  });

  it('say in a sentence what each chart shows', () => {
    const days = [
      day('2026-11-01', [['a/x', 0.5]], 4, 1),
      day(
        '2026-11-03',
        [
          ['a/x', 2],
          ['b/y', 0.25],
        ],
        10,
        0,
      ),
    ];
    const { names, rows } = costSeries(days);
    expect(describeCost(days, names, rows)).toBe(
      '$2.7500 over 3 days; the costliest day was 2026-11-03 ($2.2500); the most was spent on a/x ($2.5000).',
    );
    expect(describeCalls(days, callSeries(days))).toBe(
      '14 calls over 3 days, 1 call with a failover; the busiest day was 2026-11-03 (10 calls).',
    );
    expect(
      describeLatency([
        { model: 'a/x', calls: 3, medianMs: 120.4, p95Ms: 300 },
        { model: 'b/y', calls: 3, medianMs: 1500, p95Ms: 2100.2 },
      ]),
    ).toBe('Fastest: a/x, median 120 ms, p95 300 ms; slowest: b/y, median 1,500 ms, p95 2,100 ms.');
    expect(describeCost([], [], [])).toBe('No calls in this range.');
  });
});
