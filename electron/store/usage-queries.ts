import type Database from 'better-sqlite3';
import type { UsagePage } from '../../shared/contract/usage';
import type { DayModelSums, ModelTtftBuckets, UsageChoices, UsageFilter } from './types';
import {
  attributeConditions,
  dayColumns,
  filterParameters,
  filterShape,
  normalizeFilter,
  splitRange,
  usageColumns,
  type NormalizedFilter,
} from './usage-filter';
import { bucketColumns, callMeasures, dayKey } from './usage-rollup';
import { fromUsageRow, type UsageRow } from './usage-rows';

const keyNames = ['day', 'source', 'status', 'requested_model', 'target'];
const measures = callMeasures('u');

/**
 * The matching calls as day rows: whole days from the roll-up, the part days at either end of the range
 * summed from the calls themselves (a handful at most), all in the roll-up's columns.
 */
function matchingDays(filter: NormalizedFilter, parameters: Record<string, string>): string {
  const range = splitRange(filter.since, filter.until);
  const arms: string[] = [];
  if (range.wholeDays) {
    const { from, to } = range.wholeDays;
    const bounds = [from !== null && 'day >= @wholeFrom', to !== null && 'day < @wholeTo'].filter(Boolean);
    if (from !== null) parameters.wholeFrom = from;
    if (to !== null) parameters.wholeTo = to;
    arms.push(
      `SELECT ${[...keyNames, ...measures.map(([column]) => column)].join(', ')} FROM usage_daily` +
        (bounds.length > 0 ? ` WHERE ${bounds.join(' AND ')}` : ''),
    );
  }
  range.partial.forEach(([from, to], index) => {
    parameters[`partFrom${index}`] = from;
    parameters[`partTo${index}`] = to;
    const columns = [
      ...dayKey('u').map((value, column) => `${value} AS ${keyNames[column]}`),
      ...measures.map(([column, value]) => `(${value}) AS ${column}`),
    ];
    arms.push(
      `SELECT ${columns.join(', ')} FROM usage AS u WHERE u.created_at >= @partFrom${index} AND u.created_at < @partTo${index}`,
    );
  });
  const conditions = attributeConditions(filter, dayColumns);
  const union = arms.length > 0 ? arms.join(' UNION ALL ') : `SELECT * FROM usage_daily WHERE 0`;
  return `SELECT * FROM (${union})${conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : ''}`;
}

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

/** Usage queries that stay fast with a million calls: aggregates from the roll-up, keyset pages by index. */
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
  /** The range's split (which whole and part days) is part of the statement's shape too. */
  const shapeOf = (filter: NormalizedFilter) => {
    const range = splitRange(filter.since, filter.until);
    const days = range.wholeDays ? `${range.wholeDays.from !== null}${range.wholeDays.to !== null}` : 'none';
    return `${filterShape(filter)}|${days}|${range.partial.length}`;
  };

  const choices = db.prepare<[], { requested_model: string; target: string }>(
    'SELECT DISTINCT requested_model, target FROM usage_daily WHERE calls > 0',
  );
  const endpointSpend = db.prepare<[string, string], { endpoint: string | null; costUSD: number }>(
    `SELECT ${dayColumns.endpoint} AS endpoint, SUM(cost_usd) AS costUSD FROM usage_daily
     WHERE day >= ? AND day < ? GROUP BY 1`,
  );

  return {
    usageByDayAndModel(query: UsageFilter): DayModelSums[] {
      const filter = normalizeFilter(query);
      const parameters = filterParameters(filter);
      const sql = matchingDays(filter, parameters);
      return statement(
        `days|${shapeOf(filter)}`,
        () =>
          `SELECT day, ${dayColumns.model} AS model, ${sumColumns} FROM (${sql}) GROUP BY day, model HAVING SUM(calls) > 0 ORDER BY day, model`,
      ).all(parameters) as DayModelSums[];
    },

    firstTokenBuckets(query: UsageFilter): ModelTtftBuckets[] {
      const filter = normalizeFilter(query);
      const parameters = filterParameters(filter);
      const sql = matchingDays(filter, parameters);
      const rows = statement(
        `ttft|${shapeOf(filter)}`,
        () =>
          `SELECT ${dayColumns.model} AS model, SUM(ttft_calls) AS calls, ${bucketColumns.map((column) => `SUM(${column})`).join(', ')}
           FROM (${sql}) GROUP BY model HAVING SUM(ttft_calls) > 0`,
      )
        .raw()
        .all(parameters) as [string, number, ...number[]][];
      return rows.map(([model, calls, ...buckets]) => ({ model, calls, buckets }));
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
        ...attributeConditions(filter, usageColumns),
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
      const models = new Set<string>();
      const routes = new Set<string>();
      for (const { requested_model: requested, target } of choices.all()) {
        const model = target || requested;
        models.add(model);
        if (!requested.includes('/')) routes.add(requested);
      }
      const endpoints = new Set(
        [...models].filter((model) => model.includes('/')).map((model) => model.slice(0, model.indexOf('/'))),
      );
      const sorted = (values: Set<string>) => [...values].sort((a, b) => a.localeCompare(b));
      return { models: sorted(models), endpoints: sorted(endpoints), routes: sorted(routes) };
    },

    spendByEndpoint: (fromDay: string, toDay: string) => endpointSpend.all(fromDay, toDay),
  };
}
