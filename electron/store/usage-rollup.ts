/**
 * The daily roll-ups of `usage` (schema 4), kept by triggers, so totals and charts over a million calls read
 * a few thousand rows:
 * - `usage_daily`: per UTC day, model, route, source and status, the sums of a call's measures;
 * - `usage_ttft_daily`: per UTC day, model and source, first-token times counted in buckets (a histogram).
 *
 * Part of a shipped migration: the SQL this file builds must never change. A new measure is a new migration.
 */

/** First-token times are counted in buckets 15% wide from 10 ms: bucket i holds [10·1.15^i, 10·1.15^(i+1)) ms. */
export const ttftBuckets = { count: 64, firstMs: 10, ratio: 1.15 } as const;

/** Which bucket a first-token time falls in (the first also holds anything faster, the last anything slower). */
export const bucketOf = (column: string) =>
  `CASE WHEN ${column} IS NULL THEN NULL ELSE MIN(${ttftBuckets.count - 1}, MAX(0, CAST(floor(ln(MAX(${column}, 1.0) / ${ttftBuckets.firstMs}.0) / ln(${ttftBuckets.ratio})) AS INTEGER))) END`;

export const bucketColumns = Array.from({ length: ttftBuckets.count }, (_, index) => `ttft_${index}`);

/**
 * A call's model: the target that served, else the model id asked for (a route's name when none served);
 * `prefix` is a row name and a dot (`NEW.`), or '' inside the table's own definition.
 */
const modelOf = (row: string) => `COALESCE(${row}target, ${row}requested_model)`;

/** A row's key in the roll-ups, for a usage row named `row` (NEW, OLD or a table alias). */
export const dailyKey = (row: string): [column: string, value: string][] => [
  ['day', `substr(${row}.created_at, 1, 10)`],
  ['model', modelOf(`${row}.`)],
  // The route asked for; '' for a call made to a model directly (a route's name has no "/").
  ['route', `CASE WHEN instr(${row}.requested_model, '/') = 0 THEN ${row}.requested_model ELSE '' END`],
  ['source', `${row}.source`],
  ['status', `${row}.status`],
];

export const ttftKey = (row: string) => dailyKey(row).filter(([column]) => ['day', 'model', 'source'].includes(column));

/** The endpoint of a model (`endpoint-id/model`); NULL for a route's name. */
export const endpointOf = (model: string) =>
  `CASE WHEN instr(${model}, '/') > 0 THEN substr(${model}, 1, instr(${model}, '/') - 1) END`;

/**
 * What one call adds to its day's row, per column, for a usage row named `row`. A replay's saving is the
 * price of the answer it replayed, when that was known.
 */
export function callMeasures(row: string): [column: string, value: string][] {
  const isReplay = `${row}.cost_source = 'cache'`;
  return [
    ['calls', '1'],
    ['input_tokens', `COALESCE(${row}.input_tokens, 0)`],
    ['output_tokens', `COALESCE(${row}.output_tokens, 0)`],
    ['cache_read_tokens', `COALESCE(${row}.cache_read_tokens, 0)`],
    ['cost_usd', `COALESCE(${row}.cost_usd, 0)`],
    ['priced_calls', `${row}.cost_usd IS NOT NULL`],
    // Used tokens but no price is known: left out of the cost, never counted as 0.
    ['unpriced_calls', `${row}.cost_usd IS NULL AND ${row}.input_tokens IS NOT NULL`],
    ['estimated_calls', `${row}.cost_source = 'estimate' AND ${row}.cost_usd IS NOT NULL`],
    ['estimated_cost_usd', `CASE WHEN ${row}.cost_source = 'estimate' THEN COALESCE(${row}.cost_usd, 0) ELSE 0 END`],
    ['cache_hits', isReplay],
    ['saved_usd', `CASE WHEN ${isReplay} THEN COALESCE(${row}.saved_usd, 0) ELSE 0 END`],
    ['unsaved_hits', `${isReplay} AND ${row}.saved_usd IS NULL`],
    // More than one attempt: a failover to another target, or a retry.
    ['failover_calls', `CASE WHEN json_valid(${row}.attempts) THEN json_array_length(${row}.attempts) > 1 ELSE 0 END`],
  ];
}

/** What one call adds to its day's histogram. */
export const ttftMeasures = (row: string): [column: string, value: string][] => [
  ['calls', '1'],
  ...bucketColumns.map((column, index): [string, string] => [column, `${row}.ttft_bucket IS ${index}`]),
];

export interface RollUp {
  table: string;
  key: (row: string) => [string, string][];
  measures: (row: string) => [string, string][];
  /** Calls that add nothing are left out (calls without a first token, for the histogram). */
  only?: (row: string) => string;
}

const daily: RollUp = { table: 'usage_daily', key: dailyKey, measures: callMeasures };
const ttft: RollUp = {
  table: 'usage_ttft_daily',
  key: ttftKey,
  measures: ttftMeasures,
  only: (row) => `${row}.time_to_first_token_ms IS NOT NULL`,
};

/** Adds (`sign` 1) or takes away (-1) one usage row's measures on its day's row of a roll-up. */
export function upsert(rollUp: RollUp, row: 'NEW' | 'OLD', sign: 1 | -1): string {
  const key = rollUp.key(row);
  const measures = rollUp.measures(row);
  const columns = [...key, ...measures].map(([column]) => column);
  const values = [
    ...key.map(([, value]) => value),
    ...measures.map(([, value]) => (sign === 1 ? `(${value})` : `-(${value})`)),
  ];
  const updates = measures.map(([column]) => `${column} = ${column} + excluded.${column}`);
  // WHERE true: SQLite's rule for an upsert on INSERT ... SELECT.
  return `INSERT INTO ${rollUp.table} (${columns.join(', ')}) SELECT ${values.join(', ')} WHERE ${rollUp.only?.(row) ?? 'true'}
    ON CONFLICT (${key.map(([column]) => column).join(', ')}) DO UPDATE SET ${updates.join(', ')};`;
}

function createTable(rollUp: RollUp): string {
  const key = rollUp.key('u').map(([column]) => column);
  const measures = rollUp.measures('u').map(([column]) => column);
  const type = (column: string) => (column.endsWith('_usd') ? 'REAL' : 'INTEGER');
  return `CREATE TABLE ${rollUp.table} (
    ${key.map((column) => `${column} TEXT NOT NULL`).join(',\n    ')},
    ${measures.map((column) => `${column} ${type(column)} NOT NULL DEFAULT 0`).join(',\n    ')},
    PRIMARY KEY (${key.join(', ')})
  ) WITHOUT ROWID;
  INSERT INTO ${rollUp.table} (${[...key, ...measures].join(', ')})
    SELECT ${[...rollUp.key('u'), ...rollUp.measures('u').map(([column, value]): [string, string] => [column, `SUM(${value})`])].map(([, value]) => value).join(', ')}
    FROM usage AS u WHERE ${rollUp.only?.('u') ?? 'true'} GROUP BY ${key.map((_, index) => index + 1).join(', ')};
  CREATE TRIGGER ${rollUp.table}_insert AFTER INSERT ON usage BEGIN ${upsert(rollUp, 'NEW', 1)} END;
  CREATE TRIGGER ${rollUp.table}_delete AFTER DELETE ON usage BEGIN ${upsert(rollUp, 'OLD', -1)} END;
  CREATE TRIGGER ${rollUp.table}_update AFTER UPDATE ON usage BEGIN ${upsert(rollUp, 'OLD', -1)} ${upsert(rollUp, 'NEW', 1)} END;`;
}

/** Schema 4: derived columns and indexes for filtered, paged listing, the saving of a replay, and the roll-ups. */
export const usageRollupMigration = `
  ALTER TABLE usage ADD COLUMN saved_usd REAL;
  ALTER TABLE usage ADD COLUMN model TEXT GENERATED ALWAYS AS (${modelOf('')}) VIRTUAL;
  ALTER TABLE usage ADD COLUMN endpoint TEXT GENERATED ALWAYS AS (${endpointOf(modelOf(''))}) VIRTUAL;
  ALTER TABLE usage ADD COLUMN ttft_bucket INTEGER GENERATED ALWAYS AS (${bucketOf('time_to_first_token_ms')}) VIRTUAL;
  CREATE INDEX usage_by_model ON usage (model, created_at);
  CREATE INDEX usage_by_endpoint ON usage (endpoint, created_at);
  CREATE INDEX usage_by_requested_model ON usage (requested_model, created_at);
  CREATE INDEX usage_by_status ON usage (status, created_at);
  ${createTable(daily)}
  ${createTable(ttft)}
`;
