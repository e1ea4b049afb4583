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
  // config, catalog, provider, cache (a replay: no provider called) or unknown.
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

export function formatUsageTable(records: UsageRecord[], totalCostUSD: number, unpricedCount: number): string {
  if (records.length === 0) return 'No calls recorded yet.\n';
  const header = columns.map(([name]) => name);
  const rows = records.map((record) => columns.map(([, read]) => String(read(record))));
  const widths = header.map((name, index) => Math.max(name.length, ...rows.map((row) => row[index]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, index) => cell.padEnd(widths[index]!))
      .join('  ')
      .trimEnd();
  const calls = (count: number) => `${count} call${count === 1 ? '' : 's'}`;
  const priced = records.filter((record) => record.costUSD !== null).length;
  const unpriced = unpricedCount > 0 ? `; ${calls(unpricedCount)} without a price left out` : '';
  const summary = `${calls(records.length)}, total $${totalCostUSD.toFixed(6)} for ${priced} priced${unpriced}`;
  return [line(header), ...rows.map(line), '', summary].join('\n') + '\n';
}
