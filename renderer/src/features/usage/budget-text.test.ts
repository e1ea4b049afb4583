import { describe, expect, it } from 'vitest';
import type { BudgetReport, BudgetStatus } from '../../../../shared/contract';
import { budgetWarnings } from './budget-text';

const budget = (overrides: Partial<BudgetStatus>): BudgetStatus => ({
  endpointId: null,
  monthlyUSD: 10,
  warnAtPercent: 80,
  whenReached: 'warn',
  spentUSD: 8.5,
  percent: 85,
  state: 'near',
  ...overrides,
});
const report = (...budgets: BudgetStatus[]): BudgetReport => ({
  month: '2026-11',
  resetsAt: '2026-12-01T00:00:00.000Z',
  budgets,
});

describe('budget warnings', () => {
  it('say how much of a budget is spent from its warning share, and nothing before', () => {
    expect(budgetWarnings(report(budget({}), budget({ endpointId: 'work', state: 'under', percent: 10 })))).toEqual([
      {
        budget: expect.anything(),
        warning: 'The monthly budget for all endpoints is 85% spent: $8.50 of $10.00 (85%).',
      },
    ]);
    expect(budgetWarnings(null)).toEqual([]);
  });

  it('say whether calls go on or stop at the limit, until when, and where to raise it', () => {
    const reached = { state: 'reached' as const, spentUSD: 10.25, percent: 102.5 };
    expect(budgetWarnings(report(budget({ ...reached, endpointId: 'work', whenReached: 'stop' })))[0]!.warning).toBe(
      'The monthly budget for endpoint “work” ($10.00) is reached: new calls to endpoint “work” are stopped until 1 December (UTC). Raise it in Usage › Budgets.',
    );
    expect(budgetWarnings(report(budget(reached)))[0]!.warning).toBe(
      'The monthly budget for all endpoints ($10.00) is reached: $10.25 spent this month. Calls go on, as it is set to warn.',
    );
  });
});
