import type { BudgetReport, BudgetStatus } from '../../shared/contract/usage';
import type { BudgetConfig, BudgetsConfig } from '../../shared/types/config';
import { budgetMonth } from './budget-month';

/** Priced spending by endpoint over whole UTC days `[fromDay, toDay)`; null for calls no endpoint took. */
export type SpendByEndpoint = (fromDay: string, toDay: string) => { endpoint: string | null; costUSD: number }[];

function status(endpointId: string | null, budget: BudgetConfig, spentUSD: number): BudgetStatus {
  const percent = (spentUSD / budget.monthlyUSD) * 100;
  return {
    endpointId,
    monthlyUSD: budget.monthlyUSD,
    warnAtPercent: budget.warnAtPercent,
    whenReached: budget.whenReached,
    spentUSD,
    percent,
    state: spentUSD >= budget.monthlyUSD ? 'reached' : percent >= budget.warnAtPercent ? 'near' : 'under',
  };
}

/**
 * Every budget set and how much of it this month (UTC) has used: the overall one first, then each
 * endpoint's by id. Spending reads the history only when a budget is set.
 */
export function budgetReport(budgets: BudgetsConfig | undefined, spend: SpendByEndpoint, now: Date): BudgetReport {
  const month = budgetMonth(now);
  const report = { month: month.month, resetsAt: month.resetsAt, budgets: [] as BudgetStatus[] };
  const endpoints = Object.entries(budgets?.endpoints ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (!budgets?.overall && endpoints.length === 0) return report;
  const spent = new Map<string | null, number>();
  for (const { endpoint, costUSD } of spend(month.fromDay, month.toDay)) {
    spent.set(endpoint, (spent.get(endpoint) ?? 0) + costUSD);
  }
  const total = [...spent.values()].reduce((sum, cost) => sum + cost, 0);
  if (budgets?.overall) report.budgets.push(status(null, budgets.overall, total));
  for (const [endpointId, budget] of endpoints)
    report.budgets.push(status(endpointId, budget, spent.get(endpointId) ?? 0));
  return report;
}
