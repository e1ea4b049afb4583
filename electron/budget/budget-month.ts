/** The calendar month (UTC) a budget counts, as providers bill: its days and when it starts again. */
export interface BudgetMonth {
  /** `2026-11`. */
  month: string;
  /** First day, inclusive: `2026-11-01`. */
  fromDay: string;
  /** The next month's first day, exclusive: `2026-12-01`. */
  toDay: string;
  /** `2026-12-01T00:00:00.000Z`. */
  resetsAt: string;
}

export function budgetMonth(now: Date): BudgetMonth {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return {
    month: start.toISOString().slice(0, 7),
    fromDay: start.toISOString().slice(0, 10),
    toDay: next.toISOString().slice(0, 10),
    resetsAt: next.toISOString(),
  };
}
