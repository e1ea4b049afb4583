import type { ModelSpend, UsageSummary } from '../../shared/contract/usage';
import type { UsageRecord } from '../../shared/types/usage';

const columns = [
  ['time', (r: UsageRecord) => r.createdAt],
  ['source', (r: UsageRecord) => r.source],
  ['status', (r: UsageRecord) => r.status],
  ['model', (r: UsageRecord) => r.requestedModel],
  ['target', (r: UsageRecord) => r.target ?? ''],
  ['input_tokens', (r: UsageRecord) => r.usage?.inputTokens ?? ''],
  ['output_tokens', (r: UsageRecord) => r.usage?.outputTokens ?? ''],
  ['cached_tokens', (r: UsageRecord) => r.usage?.cacheReadTokens ?? ''],
  ['reasoning_tokens', (r: UsageRecord) => r.usage?.reasoningTokens ?? ''],
  ['ttft_ms', (r: UsageRecord) => (r.timeToFirstTokenMs === null ? '' : Math.round(r.timeToFirstTokenMs))],
  ['total_ms', (r: UsageRecord) => Math.round(r.totalMs)],
  ['tokens_per_s', (r: UsageRecord) => r.tokensPerSecond ?? ''],
  ['cost_usd', (r: UsageRecord) => (r.costUSD === null ? 'unknown' : r.costUSD.toFixed(6))],
  // config, catalog, provider, cache (a replay: no provider called), estimate (a call cut short, priced from
  // estimated tokens) or unknown.
  ['cost_source', (r: UsageRecord) => r.costSource],
] as const;

function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function formatUsageCsv(records: UsageRecord[]): string {
  const rows = records.map((record) => columns.map(([, read]) => csvCell(read(record))).join(','));
  return [columns.map(([name]) => name).join(','), ...rows].join('\n') + '\n';
}

const calls = (count: number) => `${count} call${count === 1 ? '' : 's'}`;

/** Lines of cells, each column padded to its widest cell. */
function alignedTable(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, index) => Math.max(...rows.map((row) => row[index]!.length)));
  return rows.map((row) =>
    row
      .map((cell, index) => cell.padEnd(widths[index]!))
      .join('  ')
      .trimEnd(),
  );
}

/** What an empty listing says: nothing at all yet, or nothing that matches. */
const noCalls = (isFiltered: boolean) => (isFiltered ? 'No calls match.\n' : 'No calls recorded yet.\n');

export function formatUsageTable(summary: UsageSummary, isFiltered = false): string {
  const { records, callCount, totalCostUSD, pricedCount, unpricedCount } = summary;
  if (callCount === 0) return noCalls(isFiltered);
  const header = columns.map(([name]) => name);
  const rows = records.map((record) => columns.map(([, read]) => String(read(record))));
  const unpriced = unpricedCount > 0 ? `; ${calls(unpricedCount)} without a price left out` : '';
  const shown = records.length < callCount ? ` (newest ${records.length} shown)` : '';
  const total = `${calls(callCount)}${shown}, total $${totalCostUSD.toFixed(6)} for ${pricedCount} priced${unpriced}`;
  return [...alignedTable([header, ...rows]), '', total].join('\n') + '\n';
}

/** Spend by model, most expensive first; `separator` "," gives CSV. */
export function formatSpendTable(byModel: ModelSpend[], isFiltered: boolean, separator?: ','): string {
  const header = ['model', 'calls', 'failed', 'input_tokens', 'output_tokens', 'cost_usd', 'unpriced_calls'];
  const rows = byModel.map((spend) => [
    spend.model,
    String(spend.calls),
    String(spend.failedCalls),
    String(spend.inputTokens),
    String(spend.outputTokens),
    spend.pricedCalls > 0 ? spend.costUSD.toFixed(6) : 'unknown',
    String(spend.unpricedCalls),
  ]);
  if (separator === ',') return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
  if (byModel.length === 0) return noCalls(isFiltered);
  return alignedTable([header, ...rows]).join('\n') + '\n';
}
