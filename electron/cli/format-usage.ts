import type { ModelSpend, UsageSummary } from '../../shared/contract/usage';
import type { UsageRecord } from '../../shared/types/usage';
import { csvCell, csvColumns, csvHeader, csvRows } from '../core/usage-export';

/** The table shows a call's measures; the CSV adds its saving, attempts, error and id. */
const columns = csvColumns.filter(([name]) => !['saved_usd', 'attempts', 'error', 'id'].includes(name));

export function formatUsageCsv(records: UsageRecord[]): string {
  return csvHeader() + csvRows(records);
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
