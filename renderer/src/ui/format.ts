import type { UsageRecord } from '../../../shared/types/usage';

/** Display helpers shared by the panes and the usage table. */
export const formatCost = (cost: number | null | undefined): string =>
  cost === null || cost === undefined
    ? 'unknown'
    : cost === 0
      ? '$0.00'
      : `$${cost < 0.01 ? cost.toFixed(6) : cost.toFixed(4)}`;

/** A call's cost, marked when it was priced from estimated tokens (a call cut short). */
export const formatRecordCost = (record: Pick<UsageRecord, 'costUSD' | 'costSource'>): string =>
  record.costSource === 'estimate' && record.costUSD !== null
    ? `${formatCost(record.costUSD)} (estimated)`
    : formatCost(record.costUSD);

/** A token count, with `~` when it is an estimate. */
export const formatTokens = (count: number | undefined, record: Pick<UsageRecord, 'costSource'>): string =>
  count === undefined ? '–' : `${record.costSource === 'estimate' ? '~' : ''}${count}`;

export const formatMs = (ms: number | null | undefined): string =>
  ms === null || ms === undefined ? '–' : `${Math.round(ms)} ms`;

export const formatRate = (rate: number | null | undefined): string =>
  rate === null || rate === undefined ? '–' : `${rate} tok/s`;

/** `1 call`, `3 calls`. */
export const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** `a, b ,,c` → `['a', 'b', 'c']`: the comma-separated fields of the forms. */
export const splitList = (text: string): string[] =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
