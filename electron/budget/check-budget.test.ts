import { describe, expect, it } from 'vitest';
import type { BudgetReport, BudgetStatus } from '../../shared/contract/usage';
import { formatUSD } from '../../shared/money';
import { checkBudget, endpointOf } from './check-budget';

const budget = (overrides: Partial<BudgetStatus>): BudgetStatus => ({
  endpointId: null,
  monthlyUSD: 10,
  warnAtPercent: 80,
  whenReached: 'stop',
  spentUSD: 10.5,
  percent: 105,
  state: 'reached',
  ...overrides,
});
const report = (...budgets: BudgetStatus[]): BudgetReport => ({
  month: '2026-11',
  resetsAt: '2026-12-01T00:00:00.000Z',
  budgets,
});

describe('budget check', () => {
  it('refuses every endpoint once the overall budget set to stop is reached, naming it and the fix', () => {
    expect(checkBudget(report(budget({})), 'work')).toEqual({
      ok: false,
      code: 'BUDGET_REACHED',
      message:
        'The monthly budget for all endpoints ($10.00) is reached ($10.50 spent in 2026-11, UTC); raise it in Usage › Budgets.',
    });
    expect(checkBudget(report(budget({})), null).ok).toBe(false);
  });

  it("refuses only the endpoint whose own budget is reached, so a route's other endpoints still answer", () => {
    const endpoint = report(budget({ endpointId: 'work', monthlyUSD: 0.004, spentUSD: 0.0041 }));
    expect(checkBudget(endpoint, 'work')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^The monthly budget for endpoint "work" \(\$0\.004\) is reached/),
    });
    expect(checkBudget(endpoint, 'home')).toEqual({ ok: true });
  });

  it('never refuses for a budget set to warn, or one not reached yet', () => {
    expect(checkBudget(report(budget({ whenReached: 'warn' })), 'work')).toEqual({ ok: true });
    expect(checkBudget(report(budget({ state: 'near', spentUSD: 9, percent: 90 })), 'work')).toEqual({ ok: true });
    expect(checkBudget(report(), 'work')).toEqual({ ok: true });
  });

  it('reads the endpoint of a target and writes amounts as people read them', () => {
    expect(endpointOf('or/anthropic/claude')).toBe('or');
    expect(endpointOf('fast')).toBeNull();
    expect([formatUSD(1234.5), formatUSD(0.5), formatUSD(0.0042), formatUSD(0)]).toEqual([
      '$1,234.50',
      '$0.50',
      '$0.0042',
      '$0.00',
    ]);
  });
});
