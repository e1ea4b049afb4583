import type { PlaygroundCell } from '../contract/playground';

export interface ModelTotals {
  modelId: string;
  finished: number;
  passed: number;
  /** Passed of finished, 0–1; null before any cell finished. */
  passRate: number | null;
  /** Median total time of the finished calls, ms. */
  medianLatencyMs: number | null;
  /** Sum over the priced cells; null when none was priced (no price known for the model). */
  costUSD: number | null;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Per model, in the run's model order: pass rate, median latency and total cost of its cells. */
export function totalsByModel(modelIds: string[], cells: PlaygroundCell[]): ModelTotals[] {
  return modelIds.map((modelId) => {
    const mine = cells.filter((cell) => cell.modelId === modelId && cell.passed !== null);
    const passed = mine.filter((cell) => cell.passed).length;
    return {
      modelId,
      finished: mine.length,
      passed,
      passRate: mine.length ? passed / mine.length : null,
      medianLatencyMs: median(mine.flatMap((cell) => (cell.totalMs === null ? [] : [cell.totalMs]))),
      costUSD: mine.some((cell) => cell.costUSD !== null)
        ? mine.reduce((sum, cell) => sum + (cell.costUSD ?? 0), 0)
        : null,
    };
  });
}
