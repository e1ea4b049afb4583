import { describe, expect, it } from 'vitest';
import { budgetMonth } from './budget-month';
import { budgetReport, type SpendByEndpoint } from './budget-report';

const spend: SpendByEndpoint = () => [
  { endpoint: 'work', costUSD: 8.5 },
  { endpoint: 'home', costUSD: 1 },
  { endpoint: null, costUSD: 0.5 },
];

describe('budget report', () => {
  it('counts the calendar month in UTC, whatever the local time', () => {
    expect(budgetMonth(new Date('2026-11-30T23:59:59.999Z'))).toEqual({
      month: '2026-11',
      fromDay: '2026-11-01',
      toDay: '2026-12-01',
      resetsAt: '2026-12-01T00:00:00.000Z',
    });
    expect(budgetMonth(new Date('2026-12-31T22:00:00-05:00')).month).toBe('2027-01');
  });

  it('reads spending for the month only when a budget is set', () => {
    const asked: string[][] = [];
    const counting: SpendByEndpoint = (fromDay, toDay) => {
      asked.push([fromDay, toDay]);
      return spend(fromDay, toDay);
    };
    expect(budgetReport(undefined, counting, new Date('2026-11-15T00:00:00Z')).budgets).toEqual([]);
    expect(budgetReport({}, counting, new Date('2026-11-15T00:00:00Z')).budgets).toEqual([]);
    expect(asked).toEqual([]);
    budgetReport(
      { overall: { monthlyUSD: 5, warnAtPercent: 80, whenReached: 'warn' } },
      counting,
      new Date('2026-11-15T00:00:00Z'),
    );
    expect(asked).toEqual([['2026-11-01', '2026-12-01']]);
  });

  it('says each budget is under, near (from its warning share) or reached, overall first', () => {
    const report = budgetReport(
      {
        overall: { monthlyUSD: 10, warnAtPercent: 80, whenReached: 'stop' },
        endpoints: {
          work: { monthlyUSD: 8.5, warnAtPercent: 80, whenReached: 'warn' },
          home: { monthlyUSD: 2, warnAtPercent: 50, whenReached: 'stop' },
          idle: { monthlyUSD: 3, warnAtPercent: 90, whenReached: 'warn' },
        },
      },
      spend,
      new Date('2026-11-15T00:00:00Z'),
    );
    expect(report.month).toBe('2026-11');
    expect(
      report.budgets.map(({ endpointId, spentUSD, percent, state }) => [endpointId, spentUSD, percent, state]),
    ).toEqual([
      [null, 10, 100, 'reached'],
      ['home', 1, 50, 'near'],
      ['idle', 0, 0, 'under'],
      ['work', 8.5, 100, 'reached'],
    ]);
  });
});
