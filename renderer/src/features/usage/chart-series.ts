import type { ModelLatency, UsageDay } from '../../../../shared/contract';
import { formatCost } from '../../ui/format';

/** The chart colours: `--chart-1` … `--chart-8` in usage.css, each light-dark(). */
export const paletteSize = 8;
export const seriesColor = (index: number) => `var(--chart-${(index % paletteSize) + 1})`;

const day = 24 * 3600 * 1000;
/** Longer ranges show only the days that have calls, so a chart never has thousands of empty bars. */
const maxFilledDays = 400;

/** Every day from the first to the last with calls, days without calls as zeros. */
export function fillDays(days: UsageDay[]): UsageDay[] {
  if (days.length < 2) return days;
  const first = Date.parse(`${days[0]!.day}T00:00:00Z`);
  const last = Date.parse(`${days.at(-1)!.day}T00:00:00Z`);
  const span = Math.round((last - first) / day) + 1;
  if (span > maxFilledDays) return days;
  const byDay = new Map(days.map((entry) => [entry.day, entry]));
  return Array.from({ length: span }, (_, index) => {
    const date = new Date(first + index * day).toISOString().slice(0, 10);
    return byDay.get(date) ?? { day: date, calls: 0, failoverCalls: 0, errorCalls: 0, costUSD: 0, costByModel: [] };
  });
}

/** One row of a chart: its day and a value per series (`s0`, `s1`, …: model names may hold dots). */
export type ChartRow = { day: string } & Record<`s${number}`, number>;

/**
 * Cost per day stacked by model: the costliest models over the range each get a series (and a colour),
 * the others together are "Other models".
 */
export function costSeries(days: UsageDay[], maxSeries = paletteSize - 1): { names: string[]; rows: ChartRow[] } {
  const totals = new Map<string, number>();
  for (const entry of days) {
    for (const { model, costUSD } of entry.costByModel) totals.set(model, (totals.get(model) ?? 0) + costUSD);
  }
  const ranked = [...totals].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([model]) => model);
  const shown = ranked.length > maxSeries + 1 ? ranked.slice(0, maxSeries) : ranked;
  const hasOther = shown.length < ranked.length;
  const names = hasOther ? [...shown, 'Other models'] : shown;
  const rows = fillDays(days).map((entry) => {
    const row = { day: entry.day } as ChartRow;
    names.forEach((_, index) => (row[`s${index}`] = 0));
    for (const { model, costUSD } of entry.costByModel) {
      const index = shown.indexOf(model);
      const key = `s${index === -1 ? shown.length : index}` as const;
      row[key] = (row[key] ?? 0) + costUSD;
    }
    return row;
  });
  return { names, rows };
}

/** Calls and calls with a failover per day. */
export const callSeries = (days: UsageDay[]): ChartRow[] =>
  fillDays(days).map((entry) => ({ day: entry.day, s0: entry.calls, s1: entry.failoverCalls }) as ChartRow);

const plural = (count: number, noun: string) => `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;

/** What the cost chart shows, in a sentence: its description for screen readers and its caption. */
export function describeCost(days: UsageDay[], names: string[], rows: ChartRow[]): string {
  if (days.length === 0) return 'No calls in this range.';
  const total = days.reduce((sum, entry) => sum + entry.costUSD, 0);
  const costliest = days.reduce((best, entry) => (entry.costUSD > best.costUSD ? entry : best));
  const byModel = names.map((name, index) => ({
    name,
    cost: rows.reduce((sum, row) => sum + (row[`s${index}`] ?? 0), 0),
  }));
  const top = byModel.sort((a, b) => b.cost - a.cost)[0];
  return (
    `${formatCost(total)} over ${plural(rows.length, 'day')}; the costliest day was ${costliest.day} ` +
    `(${formatCost(costliest.costUSD)})${top && top.cost > 0 ? `; the most was spent on ${top.name} (${formatCost(top.cost)})` : ''}.`
  );
}

export const formatLatency = (ms: number) => `${Math.round(ms).toLocaleString('en-US')} ms`;

export function describeLatency(latencies: ModelLatency[]): string {
  if (latencies.length === 0) return 'No call got a first token in this range.';
  const fastest = latencies[0]!;
  const slowest = latencies.at(-1)!;
  const one = (latency: ModelLatency) =>
    `${latency.model}, median ${formatLatency(latency.medianMs)}, p95 ${formatLatency(latency.p95Ms)}`;
  return latencies.length === 1 ? `${one(fastest)}.` : `Fastest: ${one(fastest)}; slowest: ${one(slowest)}.`;
}

export function describeCalls(days: UsageDay[], rows: ChartRow[]): string {
  if (days.length === 0) return 'No calls in this range.';
  const calls = days.reduce((sum, entry) => sum + entry.calls, 0);
  const failovers = days.reduce((sum, entry) => sum + entry.failoverCalls, 0);
  const busiest = days.reduce((best, entry) => (entry.calls > best.calls ? entry : best));
  return (
    `${plural(calls, 'call')} over ${plural(rows.length, 'day')}, ${plural(failovers, 'call')} with a failover; ` +
    `the busiest day was ${busiest.day} (${plural(busiest.calls, 'call')}).`
  );
}
