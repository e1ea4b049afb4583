/**
 * The narrower roll-ups of `usage` (schema 12), kept by triggers like the daily ones, so a report over a year
 * of a million calls reads a few thousand rows instead of tens of thousands:
 * - `usage_model_daily`: per UTC day, model and source (no route or status), the daily measures plus failed and
 *   error calls: the report's totals, days and models whenever no status or route filter is set;
 * - `usage_ttft_monthly`: per UTC month, model and source, the first-token histogram: whole months of a range.
 *
 * Filled from the daily roll-ups (not the calls), so the upgrade reads thousands of rows, not millions.
 * Part of a shipped migration: the SQL this file builds must never change. A new measure is a new migration.
 */
import { bucketColumns, callMeasures, dailyKey, ttftMeasures, upsert, type RollUp } from './usage-rollup';

const modelDailyKey = (row: string) => dailyKey(row).filter(([column]) => ['day', 'model', 'source'].includes(column));

export const modelDaily: RollUp = {
  table: 'usage_model_daily',
  key: modelDailyKey,
  measures: (row) => [
    ...callMeasures(row),
    ['failed_calls', `${row}.status <> 'ok'`],
    ['error_calls', `${row}.status = 'error'`],
  ],
};

export const ttftMonthly: RollUp = {
  table: 'usage_ttft_monthly',
  key: (row) => [
    ['month', `substr(${row}.created_at, 1, 7)`],
    ...modelDailyKey(row).filter(([column]) => column !== 'day'),
  ],
  measures: ttftMeasures,
  only: (row) => `${row}.time_to_first_token_ms IS NOT NULL`,
};

const dailyMeasureColumns = callMeasures('u').map(([column]) => column);

function createTable(rollUp: RollUp, fill: string): string {
  const key = rollUp.key('u').map(([column]) => column);
  const measures = rollUp.measures('u').map(([column]) => column);
  const type = (column: string) => (column.endsWith('_usd') ? 'REAL' : 'INTEGER');
  return `CREATE TABLE ${rollUp.table} (
    ${key.map((column) => `${column} TEXT NOT NULL`).join(',\n    ')},
    ${measures.map((column) => `${column} ${type(column)} NOT NULL DEFAULT 0`).join(',\n    ')},
    PRIMARY KEY (${key.join(', ')})
  ) WITHOUT ROWID;
  ${fill}
  CREATE TRIGGER ${rollUp.table}_insert AFTER INSERT ON usage BEGIN ${upsert(rollUp, 'NEW', 1)} END;
  CREATE TRIGGER ${rollUp.table}_delete AFTER DELETE ON usage BEGIN ${upsert(rollUp, 'OLD', -1)} END;
  CREATE TRIGGER ${rollUp.table}_update AFTER UPDATE ON usage BEGIN ${upsert(rollUp, 'OLD', -1)} ${upsert(rollUp, 'NEW', 1)} END;`;
}

/** Schema 12: the report's roll-ups by day and model, and first-token times by month. */
export const usageCoarseRollupMigration = `
  ${createTable(
    modelDaily,
    `INSERT INTO usage_model_daily (day, model, source, ${dailyMeasureColumns.join(', ')}, failed_calls, error_calls)
    SELECT day, model, source, ${dailyMeasureColumns.map((column) => `SUM(${column})`).join(', ')},
      SUM(CASE WHEN status <> 'ok' THEN calls ELSE 0 END), SUM(CASE WHEN status = 'error' THEN calls ELSE 0 END)
    FROM usage_daily GROUP BY day, model, source HAVING SUM(calls) <> 0;`,
  )}
  ${createTable(
    ttftMonthly,
    `INSERT INTO usage_ttft_monthly (month, model, source, calls, ${bucketColumns.join(', ')})
    SELECT substr(day, 1, 7), model, source, SUM(calls), ${bucketColumns.map((column) => `SUM(${column})`).join(', ')}
    FROM usage_ttft_daily GROUP BY 1, model, source HAVING SUM(calls) <> 0;`,
  )}
`;
