import type { BudgetReport, BudgetStatus } from '../../../../shared/contract';
import { formatUSD } from '../../../../shared/money';

export const budgetName = (endpointId: string | null) =>
  endpointId === null ? 'all endpoints' : `endpoint “${endpointId}”`;

/** `1 December` for the first moment of the next month (UTC). */
const resetDay = (resetsAt: string) =>
  new Date(resetsAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' });

/** Spent against the limit: `$8.12 of $10.00 (81%)`. */
export const budgetUse = (budget: BudgetStatus) =>
  `${formatUSD(budget.spentUSD)} of ${formatUSD(budget.monthlyUSD)} (${Math.floor(budget.percent)}%)`;

/** What a budget near or past its limit means for the next calls; null while it is under its warning share. */
export function budgetWarning(budget: BudgetStatus, report: Pick<BudgetReport, 'resetsAt'>): string | null {
  const name = budgetName(budget.endpointId);
  if (budget.state === 'under') return null;
  if (budget.state === 'near') {
    return `The monthly budget for ${name} is ${Math.floor(budget.percent)}% spent: ${budgetUse(budget)}.`;
  }
  if (budget.whenReached === 'stop') {
    const calls = budget.endpointId === null ? 'new calls' : `new calls to ${name}`;
    return (
      `The monthly budget for ${name} (${formatUSD(budget.monthlyUSD)}) is reached: ${calls} are stopped until ` +
      `${resetDay(report.resetsAt)} (UTC). Raise it in Usage › Budgets.`
    );
  }
  return `The monthly budget for ${name} (${formatUSD(budget.monthlyUSD)}) is reached: ${formatUSD(budget.spentUSD)} spent this month. Calls go on, as it is set to warn.`;
}

/** The warnings of every budget near or past its limit, the overall one first. */
export const budgetWarnings = (report: BudgetReport | null) =>
  (report?.budgets ?? []).flatMap((budget) => {
    const warning = budgetWarning(budget, report!);
    return warning ? [{ budget, warning }] : [];
  });
