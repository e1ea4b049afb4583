/**
 * The daily roll-up of `usage` (schema 4): one row per UTC day, source, status, requested model and target,
 * kept by triggers, so totals and charts over a million calls read thousands of rows instead.
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
 * What one call adds to its day's row, per column, for a usage row named `row` (NEW, OLD or a table alias).
 * A replay's saving is the price of the answer it replayed, when that was known.
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
    ['ttft_calls', `${row}.time_to_first_token_ms IS NOT NULL`],
    ...bucketColumns.map((column, index): [string, string] => [column, `${row}.ttft_bucket IS ${index}`]),
  ];
}

/** The key columns of a day's row, for a usage row named `row`; a call no target served has target ''. */
export const dayKey = (row: string) => [
  `substr(${row}.created_at, 1, 10)`,
  `${row}.source`,
  `${row}.status`,
  `${row}.requested_model`,
  `COALESCE(${row}.target, '')`,
];

const keyColumns = ['day', 'source', 'status', 'requested_model', 'target'];

/** Adds (`sign` 1) or takes away (-1) one usage row's measures on its day's row. */
function upsert(row: 'NEW' | 'OLD', sign: 1 | -1): string {
  const measures = callMeasures(row);
  const columns = [...keyColumns, ...measures.map(([column]) => column)];
  const values = [...dayKey(row), ...measures.map(([, value]) => (sign === 1 ? `(${value})` : `-(${value})`))];
  const updates = measures.map(([column]) => `${column} = ${column} + excluded.${column}`);
  return `INSERT INTO usage_daily (${columns.join(', ')}) VALUES (${values.join(', ')})
    ON CONFLICT (${keyColumns.join(', ')}) DO UPDATE SET ${updates.join(', ')};`;
}

const measureColumns = callMeasures('u').map(([column]) => column);

/** Schema 4: derived columns and indexes for filtered, paged listing, the saving of a replay, and the roll-up. */
export const usageRollupMigration = `
  ALTER TABLE usage ADD COLUMN saved_usd REAL;
  ALTER TABLE usage ADD COLUMN model TEXT GENERATED ALWAYS AS (COALESCE(target, requested_model)) VIRTUAL;
  ALTER TABLE usage ADD COLUMN endpoint TEXT GENERATED ALWAYS AS (
    CASE WHEN instr(COALESCE(target, requested_model), '/') > 0
      THEN substr(COALESCE(target, requested_model), 1, instr(COALESCE(target, requested_model), '/') - 1) END
  ) VIRTUAL;
  ALTER TABLE usage ADD COLUMN ttft_bucket INTEGER GENERATED ALWAYS AS (${bucketOf('time_to_first_token_ms')}) VIRTUAL;
  CREATE INDEX usage_by_model ON usage (model, created_at);
  CREATE INDEX usage_by_endpoint ON usage (endpoint, created_at);
  CREATE INDEX usage_by_requested_model ON usage (requested_model, created_at);
  CREATE INDEX usage_by_status ON usage (status, created_at);
  CREATE TABLE usage_daily (
    day TEXT NOT NULL,
    source TEXT NOT NULL,
    status TEXT NOT NULL,
    requested_model TEXT NOT NULL,
    target TEXT NOT NULL,
    ${measureColumns.map((column) => `${column} ${column.endsWith('_usd') ? 'REAL' : 'INTEGER'} NOT NULL DEFAULT 0`).join(',\n    ')},
    PRIMARY KEY (${keyColumns.join(', ')})
  ) WITHOUT ROWID;
  INSERT INTO usage_daily (${[...keyColumns, ...measureColumns].join(', ')})
    SELECT ${[...dayKey('u'), ...callMeasures('u').map(([, value]) => `SUM(${value})`)].join(', ')}
    FROM usage AS u GROUP BY ${dayKey('u').join(', ')};
  CREATE TRIGGER usage_daily_insert AFTER INSERT ON usage BEGIN ${upsert('NEW', 1)} END;
  CREATE TRIGGER usage_daily_delete AFTER DELETE ON usage BEGIN ${upsert('OLD', -1)} END;
  CREATE TRIGGER usage_daily_update AFTER UPDATE ON usage BEGIN ${upsert('OLD', -1)} ${upsert('NEW', 1)} END;
`;
