import type { BudgetReport, BudgetStatus } from '../../shared/contract/usage';
import { formatUSD } from '../../shared/money';

/** Whether spending lets another call go to an endpoint. */
export type BudgetCheck = { ok: true } | { ok: false; code: 'BUDGET_REACHED'; message: string };

export const budgetName = (endpointId: string | null) =>
  endpointId === null ? 'all endpoints' : `endpoint "${endpointId}"`;

/** The refusal, naming the budget, its limit and where to raise it. */
export function budgetReachedMessage(budget: BudgetStatus, month: string): string {
  return (
    `The monthly budget for ${budgetName(budget.endpointId)} (${formatUSD(budget.monthlyUSD)}) is reached ` +
    `(${formatUSD(budget.spentUSD)} spent in ${month}, UTC); raise it in Usage › Budgets.`
  );
}

/**
 * A call to `endpointId` is refused when a budget set to stop is reached: the overall one, or that
 * endpoint's. Budgets set to warn never refuse.
 */
export function checkBudget(report: BudgetReport, endpointId: string | null): BudgetCheck {
  const stopping = report.budgets.find(
    (budget) =>
      budget.whenReached === 'stop' &&
      budget.state === 'reached' &&
      (budget.endpointId === null || budget.endpointId === endpointId),
  );
  if (!stopping) return { ok: true };
  return { ok: false, code: 'BUDGET_REACHED', message: budgetReachedMessage(stopping, report.month) };
}

/** The endpoint a target (`endpoint-id/model`) belongs to. */
export const endpointOf = (target: string): string | null =>
  target.includes('/') ? target.slice(0, target.indexOf('/')) : null;
