import type Database from 'better-sqlite3';
import type { UsagePage } from '../../shared/contract/usage';
import type { DayModelSums, ModelTtftBuckets, UsageChoices, UsageFilter, UsageSlice } from './types';
import {
  attributeConditions,
  filterParameters,
  filterShape,
  normalizeFilter,
  splitRange,
  type NormalizedFilter,
} from './usage-filter';
import { bucketColumns, callMeasures, dailyKey, endpointOf } from './usage-rollup';
import { modelDaily } from './usage-rollup-coarse';
import { fromUsageRow, type UsageRow } from './usage-rows';

/** The daily roll-ups a report reads. */
type DayTable = 'usage_daily' | 'usage_model_daily' | 'usage_ttft_daily';

const sumColumns = `
  SUM(calls) AS calls,
  SUM(CASE WHEN status <> 'ok' THEN calls ELSE 0 END) AS failedCalls,
  SUM(CASE WHEN status = 'error' THEN calls ELSE 0 END) AS errorCalls,
  SUM(input_tokens) AS inputTokens,
  SUM(output_tokens) AS outputTokens,
  SUM(cache_read_tokens) AS cacheReadTokens,
  SUM(cost_usd) AS costUSD,
  SUM(priced_calls) AS pricedCalls,
  SUM(unpriced_calls) AS unpricedCalls,
  SUM(estimated_calls) AS estimatedCalls,
  SUM(estimated_cost_usd) AS estimatedCostUSD,
  SUM(cache_hits) AS cacheHits,
  SUM(saved_usd) AS savedUSD,
  SUM(unsaved_hits) AS unsavedHits,
  SUM(failover_calls) AS failoverCalls`;

/** The same sums from the roll-up by day and model, which counts failed and error calls itself. */
const modelSumColumns = sumColumns
  .replace("SUM(CASE WHEN status <> 'ok' THEN calls ELSE 0 END)", 'SUM(failed_calls)')
  .replace("SUM(CASE WHEN status = 'error' THEN calls ELSE 0 END)", 'SUM(error_calls)');

/** Whole days read per query: a month of a million-call year is a few thousand roll-up rows. */
const sliceDays = 31;

const day = 24 * 3600 * 1000;
const addDays = (date: string, count: number) =>
  new Date(Date.parse(`${date}T00:00:00.000Z`) + count * day).toISOString().slice(0, 10);
const minDay = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);
const maxDay = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);

/** The whole months inside the days [from, to), as their first days; null when there is none. */
export function wholeMonths(from: string, to: string): { from: string; to: string } | null {
  const first = from.endsWith('-01') ? from : nextMonth(from);
  const last = `${to.slice(0, 7)}-01`;
  return first < last ? { from: first, to: last } : null;
}

const nextMonth = (date: string) => {
  const [year, month] = date.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10);
};

export const byDayAndModel = (a: DayModelSums, b: DayModelSums) =>
  a.day < b.day ? -1 : a.day > b.day ? 1 : a.model < b.model ? -1 : a.model > b.model ? 1 : 0;

/** One model's first-token counts summed over slices. */
export function mergeBuckets(rows: ModelTtftBuckets[]): ModelTtftBuckets[] {
  const byModel = new Map<string, ModelTtftBuckets>();
  for (const { model, calls, buckets } of rows) {
    const sum = byModel.get(model);
    if (!sum) byModel.set(model, { model, calls, buckets: [...buckets] });
    else {
      sum.calls += calls;
      buckets.forEach((count, index) => (sum.buckets[index]! += count));
    }
  }
  return [...byModel.values()];
}

/**
 * How a part day is read from the calls: as rows in a roll-up's columns, summed by the roll-up's select, or by a
 * query of its own (given the filter's conditions) whose rows are turned into the select's.
 */
type PartDay<Row> = { calls: string } | { query: (conditions: string[]) => string; rows: (counts: unknown[]) => Row[] };

/** A part day's calls in a roll-up's columns: the same key and measures the triggers add. */
function partDayRows(key: [string, string][], measures: [string, string][], only = 'true'): string {
  const columns = [...key, ...measures].map(([column, value]) => `${value} AS ${column}`);
  return `SELECT ${columns.join(', ')} FROM usage AS u WHERE u.created_at >= @partFrom AND u.created_at < @partTo AND ${only}`;
}

/** Usage queries that stay fast with a million calls: aggregates from the roll-ups, keyset pages by index. */
export function createUsageQueries(db: Database.Database) {
  // One statement per filter shape (which filters are set), prepared on first use.
  const prepared = new Map<string, Database.Statement>();
  const statement = (key: string, sql: () => string) => {
    let found = prepared.get(key);
    if (!found) {
      found = db.prepare(sql());
      prepared.set(key, found);
    }
    return found;
  };

  // Each roll-up's first and last day (the monthly histogram follows the daily one).
  const dayBounds = Object.fromEntries(
    (['usage_daily', 'usage_model_daily', 'usage_ttft_daily'] as const).map((table) => [
      table,
      db.prepare<[], { first: string | null; last: string | null }>(
        `SELECT MIN(day) AS first, MAX(day) AS last FROM ${table}`,
      ),
    ]),
  ) as Record<DayTable, Database.Statement<[], { first: string | null; last: string | null }>>;

  /**
   * Runs `select` (grouped, reading `FROM rows`) over the whole days of the range in a roll-up, a slice of
   * days at a time (whole months from `monthly` when given), then over each part day at either end of the
   * range from the calls themselves: exact for any since/until. Each slice is one short query, so a reader may
   * let other work run between slices.
   */
  function* overRange<Row>(
    name: string,
    filter: NormalizedFilter,
    read: { table: DayTable; conditions: string[]; monthly?: string },
    select: string,
    partDay: PartDay<Row>,
  ): Generator<Row[]> {
    const range = splitRange(filter.since, filter.until);
    const { table, conditions, monthly } = read;
    const shape = `${table}|${filterShape({ ...filter, since: null, until: null })}`;
    const parameters = filterParameters(filter);
    if (range.wholeDays) {
      const bounds = dayBounds[table].get()!;
      const from = maxDay(range.wholeDays.from, bounds.first);
      const to = minDay(range.wholeDays.to, bounds.last === null ? null : addDays(bounds.last, 1));
      const months = monthly !== undefined && from !== null && to !== null ? wholeMonths(from, to) : null;
      if (months) {
        const where = [...conditions, 'month >= @monthFrom', 'month < @monthTo'].join(' AND ');
        yield statement(`${name}|${shape}|months`, () =>
          select.replace('FROM rows', `FROM ${monthly} WHERE ${where}`),
        ).all({ ...parameters, monthFrom: months.from.slice(0, 7), monthTo: months.to.slice(0, 7) }) as Row[];
      }
      const where = [...conditions, 'day >= @wholeFrom', 'day < @wholeTo'].join(' AND ');
      const query = statement(`${name}|${shape}|whole`, () =>
        select.replace('FROM rows', `FROM ${table} WHERE ${where}`),
      );
      const spans = months
        ? [
            [from, months.from],
            [months.to, to],
          ]
        : [[from, to]];
      for (const [spanFrom, spanTo] of spans) {
        for (
          let start = spanFrom!;
          start !== null && spanTo !== null && start < spanTo!;
          start = addDays(start, sliceDays)
        ) {
          const end = minDay(addDays(start, sliceDays), spanTo!)!;
          yield query.all({ ...parameters, wholeFrom: start, wholeTo: end }) as Row[];
        }
      }
    }
    for (const [partFrom, partTo] of range.partial) {
      const query = statement(`${name}|${shape}|part`, () =>
        'calls' in partDay
          ? select.replace(
              'FROM rows',
              `FROM (${partDay.calls})${conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : ''}`,
            )
          : partDay.query(conditions),
      );
      const rows = query.all({ ...parameters, partFrom, partTo });
      yield 'calls' in partDay ? (rows as Row[]) : partDay.rows(rows);
    }
  }

  /** The matching calls' sums by day and model, in slices. */
  function* daySlices(filter: NormalizedFilter): Generator<UsageSlice> {
    // Without a status or route filter, the roll-up by day, model and source has a few rows a day, not ~100.
    const byModel = filter.status === null && filter.route === null;
    for (const rows of overRange<DayModelSums>(
      'days',
      filter,
      byModel
        ? { table: 'usage_model_daily', conditions: attributeConditions(filter, 'ttft') }
        : { table: 'usage_daily', conditions: attributeConditions(filter, 'daily') },
      // Both roll-ups' keys start with day and model: grouped as they are read, without sorting.
      `SELECT day, model, ${byModel ? modelSumColumns : sumColumns} FROM rows GROUP BY day, model HAVING SUM(calls) > 0`,
      {
        calls: byModel
          ? partDayRows(modelDaily.key('u'), modelDaily.measures('u'))
          : partDayRows(dailyKey('u'), callMeasures('u')),
      },
    )) {
      yield { kind: 'days', rows };
    }
  }

  /** The matching calls' first-token counts by model, in slices. */
  function* ttftSlices(filter: NormalizedFilter): Generator<UsageSlice> {
    for (const rows of overRange<Record<string, string | number>>(
      'ttft',
      filter,
      { table: 'usage_ttft_daily', conditions: attributeConditions(filter, 'ttft'), monthly: 'usage_ttft_monthly' },
      `SELECT model, SUM(calls) AS calls, ${bucketColumns.map((column) => `SUM(${column}) AS ${column}`).join(', ')}
       FROM rows GROUP BY model HAVING SUM(calls) > 0`,
      // Counted by bucket and summed here: 64 bucket columns per call would work out each call's bucket 64 times.
      {
        query: (conditions) =>
          `SELECT model, ttft_bucket AS bucket, COUNT(*) AS calls FROM usage
           WHERE ${['created_at >= @partFrom', 'created_at < @partTo', 'time_to_first_token_ms IS NOT NULL', ...conditions].join(' AND ')}
           GROUP BY model, ttft_bucket`,
        rows: (counts) => {
          const byModel = new Map<string, Record<string, string | number>>();
          for (const { model, bucket, calls } of counts as { model: string; bucket: number; calls: number }[]) {
            const row = byModel.get(model) ?? {
              model,
              calls: 0,
              ...Object.fromEntries(bucketColumns.map((column) => [column, 0])),
            };
            (row.calls as number) += calls;
            (row[bucketColumns[bucket]!] as number) += calls;
            byModel.set(model, row);
          }
          return [...byModel.values()];
        },
      },
    )) {
      yield {
        kind: 'ttft',
        rows: rows.map((row) => ({
          model: row.model as string,
          calls: row.calls as number,
          buckets: bucketColumns.map((column) => row[column] as number),
        })),
      };
    }
  }

  function* readUsage(query: UsageFilter): Generator<UsageSlice> {
    const filter = normalizeFilter(query);
    yield* daySlices(filter);
    yield* ttftSlices(filter);
  }

  const choices = db.prepare<[], { model: string; route: string }>(
    'SELECT DISTINCT model, route FROM usage_daily WHERE calls > 0',
  );
  // What has been written since: data_version moves when another connection commits, total_changes when this one
  // writes. The filter choices scan the whole roll-up (5–13 ms at 1,000,000 calls), once per Usage report.
  const writeMark = db.prepare<[], { version: number; changes: number }>(
    'SELECT (SELECT data_version FROM pragma_data_version) AS version, total_changes() AS changes',
  );
  let keptChoices: { mark: string; choices: UsageChoices } | null = null;
  const endpointSpend = db.prepare<[string, string], { endpoint: string | null; costUSD: number }>(
    `SELECT ${endpointOf('model')} AS endpoint, SUM(cost_usd) AS costUSD FROM usage_daily
     WHERE day >= ? AND day < ? GROUP BY 1`,
  );

  return {
    readUsage,

    usageByDayAndModel(query: UsageFilter): DayModelSums[] {
      const slices = [...daySlices(normalizeFilter(query))];
      return slices.flatMap((slice) => (slice.kind === 'days' ? slice.rows : [])).sort(byDayAndModel);
    },

    /** By model; status and route filters do not apply (the histogram is kept by model and source only). */
    firstTokenBuckets(query: UsageFilter): ModelTtftBuckets[] {
      const slices = [...ttftSlices(normalizeFilter(query))];
      return mergeBuckets(slices.flatMap((slice) => (slice.kind === 'ttft' ? slice.rows : [])));
    },

    listUsagePage(query: UsageFilter, page: { cursor?: string; limit: number }): UsagePage {
      const filter = normalizeFilter(query);
      const parameters: Record<string, string | number> = { ...filterParameters(filter), limit: page.limit };
      if (page.cursor !== undefined) {
        const [time, seq] = page.cursor.split('|');
        parameters.cursorTime = time!;
        parameters.cursorSeq = Number(seq);
      }
      const conditions = [
        filter.since !== null && 'created_at >= @since',
        filter.until !== null && 'created_at < @until',
        // After the cursor, in the index's order: older, or as old and written before.
        page.cursor !== undefined && 'created_at <= @cursorTime AND (created_at < @cursorTime OR rowid < @cursorSeq)',
        ...attributeConditions(filter, 'usage'),
      ].filter(Boolean);
      const rows = statement(
        `page|${filterShape(filter)}|${page.cursor !== undefined}`,
        () =>
          `SELECT rowid AS seq, * FROM usage ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
           ORDER BY created_at DESC, rowid DESC LIMIT @limit`,
      ).all(parameters) as (UsageRow & { seq: number })[];
      const last = rows.at(-1);
      return {
        records: rows.map(fromUsageRow),
        next: last && rows.length === page.limit ? `${last.created_at}|${last.seq}` : null,
      };
    },

    usageChoices(): UsageChoices {
      const { version, changes } = writeMark.get()!;
      const mark = `${version}:${changes}`;
      if (keptChoices?.mark === mark) return keptChoices.choices;
      const models = new Set<string>();
      const routes = new Set<string>();
      for (const { model, route } of choices.all()) {
        models.add(model);
        if (route !== '') routes.add(route);
      }
      const endpoints = new Set(
        [...models].filter((model) => model.includes('/')).map((model) => model.slice(0, model.indexOf('/'))),
      );
      const sorted = (values: Set<string>) => [...values].sort((a, b) => a.localeCompare(b));
      keptChoices = { mark, choices: { models: sorted(models), endpoints: sorted(endpoints), routes: sorted(routes) } };
      return keptChoices.choices;
    },

    spendByEndpoint: (fromDay: string, toDay: string) => endpointSpend.all(fromDay, toDay),
  };
}
