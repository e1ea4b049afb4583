import { SwitchboardError } from '../../shared/errors/codes';
import { sinceToUtc, untilToUtc } from './since';
import type { UsageFilter } from './types';

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

/** How the model and endpoint of a call are read where the conditions apply. */
export interface FilterColumns {
  model: string;
  endpoint: string;
}

/** The generated columns of `usage` (indexed). */
export const usageColumns: FilterColumns = { model: 'model', endpoint: 'endpoint' };

const modelOfDay = "CASE WHEN target <> '' THEN target ELSE requested_model END";
/** The same, read from a day's row of the roll-up (target '' when no target served). */
export const dayColumns: FilterColumns = {
  model: modelOfDay,
  endpoint: `CASE WHEN instr(${modelOfDay}, '/') > 0 THEN substr(${modelOfDay}, 1, instr(${modelOfDay}, '/') - 1) END`,
};

/** The conditions of everything but the time range, with named parameters. */
export function attributeConditions(filter: NormalizedFilter, columns: FilterColumns): string[] {
  return [
    filter.source !== null && 'source = @source',
    filter.status !== null && 'status = @status',
    filter.model !== null && `${columns.model} = @model`,
    filter.endpoint !== null && `${columns.endpoint} = @endpoint`,
    // A route is a requested model without "/" (route names have none).
    filter.route !== null && "requested_model = @route AND instr(requested_model, '/') = 0",
  ].filter((condition): condition is string => condition !== false);
}

/** The named parameters the filter's conditions use (better-sqlite3 refuses unused ones). */
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
