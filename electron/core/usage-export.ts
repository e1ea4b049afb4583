import type { UsageExportChunk } from '../../shared/contract';
import type { UsageRecord } from '../../shared/types/usage';
import type { Store, UsageFilter } from '../store/types';

/** The CSV columns of a call, shared by `switchboard usage --format csv` and the Usage screen's export. */
export const csvColumns = [
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
  ['saved_usd', (r: UsageRecord) => (r.savedUSD === null || r.savedUSD === undefined ? '' : r.savedUSD.toFixed(6))],
  ['attempts', (r: UsageRecord) => r.attempts.length],
  ['error', (r: UsageRecord) => r.error ?? ''],
  ['id', (r: UsageRecord) => r.id],
] as const;

/**
 * One CSV cell. Text that a spreadsheet would run as a formula (starting with = + - @, a tab or a return,
 * e.g. an error message a provider wrote) is prefixed with ' so it stays text.
 */
export function csvCell(value: string | number): string {
  const text = typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvHeader = () => `${csvColumns.map(([name]) => name).join(',')}\n`;

export const csvRows = (records: UsageRecord[]) =>
  records.map((record) => `${csvColumns.map(([, read]) => csvCell(read(record))).join(',')}\n`).join('');

/**
 * A piece of the export of every matching call, newest first: the first piece (no cursor) opens the file
 * (CSV header, JSON `[`), the last one (`next` null) closes it, so the pieces in order are the whole file.
 */
export function exportUsage(
  store: Store,
  filter: UsageFilter,
  piece: { format: 'csv' | 'json'; cursor?: string; limit: number },
): UsageExportChunk {
  const { records, next } = store.listUsagePage(filter, { cursor: piece.cursor, limit: piece.limit });
  const isFirst = piece.cursor === undefined;
  if (piece.format === 'csv') {
    return { text: `${isFirst ? csvHeader() : ''}${csvRows(records)}`, next, count: records.length };
  }
  const items = records.map((record) => `  ${JSON.stringify(record)}`).join(',\n');
  const open = isFirst ? '[\n' : records.length > 0 ? ',\n' : '';
  const close = next === null ? `${isFirst && records.length === 0 ? '' : '\n'}]\n` : '';
  return { text: `${open}${items}${close}`, next, count: records.length };
}
