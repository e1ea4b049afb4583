import { SwitchboardError } from '../../shared/errors/codes';
import { sinceToUtc, untilToUtc } from './since';
import type { UsageFilter } from './types';
import { endpointOf } from './usage-rollup';

/** A filter as SQLite compares it: times as UTC ISO text, everything else as given. */
export interface NormalizedFilter {
  since: string | null;
  until: string | null;
  source: string | null;
  status: string | null;
  model: string | null;
  endpoint: string | null;
  route: string | null;
}

function utc(name: 'since' | 'until', value: string | undefined): string | null {
  if (value === undefined) return null;
  const converted = name === 'since' ? sinceToUtc(value) : untilToUtc(value);
  if (converted === undefined) {
    throw new SwitchboardError(
      'INVALID_INPUT',
      `${name} "${value}" is not a date; use e.g. 2026-11-01 or 2026-11-01T10:00:00+02:00`,
    );
  }
  return converted;
}

export function normalizeFilter(filter: UsageFilter): NormalizedFilter {
  return {
    since: utc('since', filter.since),
    until: utc('until', filter.until),
    source: filter.source ?? null,
    status: filter.status ?? null,
    model: filter.model ?? null,
    endpoint: filter.endpoint ?? null,
    route: filter.route ?? null,
  };
}

/** Which filters are set: one prepared statement per shape, so each can use its own index. */
export const filterShape = (filter: NormalizedFilter) =>
  Object.entries(filter)
    .filter(([, value]) => value !== null)
    .map(([name]) => name)
    .join(',');

/**
 * Where the conditions apply: `usage` itself (its generated, indexed columns), a day's row of
 * `usage_daily`, or of `usage_ttft_daily`, which counts first-token times by model and source only.
 */
export type FilteredTable = 'usage' | 'daily' | 'ttft';

/** The conditions of everything but the time range, with named parameters. */
export function attributeConditions(filter: NormalizedFilter, table: FilteredTable): string[] {
  const route = table === 'usage' ? "requested_model = @route AND instr(requested_model, '/') = 0" : 'route = @route';
  return [
    filter.source !== null && 'source = @source',
    filter.status !== null && table !== 'ttft' && 'status = @status',
    filter.model !== null && 'model = @model',
    filter.endpoint !== null && (table === 'usage' ? 'endpoint = @endpoint' : `${endpointOf('model')} = @endpoint`),
    filter.route !== null && table !== 'ttft' && route,
  ].filter((condition): condition is string => condition !== false);
}

/** Whether the first-token histogram leaves out part of the filter (it is kept by model and source only). */
export const isBeyondTtft = (filter: NormalizedFilter) => filter.status !== null || filter.route !== null;

/** The named parameters of the filters set. */
export function filterParameters(filter: NormalizedFilter): Record<string, string> {
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== null)) as Record<string, string>;
}

const day = 24 * 3600 * 1000;
const dayOf = (iso: string) => iso.slice(0, 10);
const isMidnight = (iso: string) => iso.slice(10) === 'T00:00:00.000Z';
const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00.000Z`) + day).toISOString().slice(0, 10);

/**
 * A time range split into whole UTC days, read from the roll-up, and the parts of a day at either end,
 * read from the calls themselves: exact for any since/until, with at most two days of calls read.
 */
export interface RangeSplit {
  /** Whole days from `from` (inclusive) to `to` (exclusive), null bounds open; null when there is none. */
  wholeDays: { from: string | null; to: string | null } | null;
  /** Time ranges `[from, to)` read from `usage`. */
  partial: [from: string, to: string][];
}

export function splitRange(since: string | null, until: string | null): RangeSplit {
  const from = since === null ? null : isMidnight(since) ? dayOf(since) : nextDay(dayOf(since));
  const to = until === null ? null : dayOf(until);
  if (from !== null && to !== null && from >= to) {
    // Within a day, or two part days with no whole day between: read the calls.
    return { wholeDays: null, partial: since! < until! ? [[since!, until!]] : [] };
  }
  const partial: [string, string][] = [];
  if (since !== null && !isMidnight(since)) partial.push([since, `${from}T00:00:00.000Z`]);
  if (until !== null && !isMidnight(until)) partial.push([`${to}T00:00:00.000Z`, until]);
  return { wholeDays: { from, to }, partial };
}
