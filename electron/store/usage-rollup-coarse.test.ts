import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { usageRecord } from '../../shared/types/__fixtures__/usage-record';
import type { UsageRecord } from '../../shared/types/usage';
import { usageReport } from '../core/usage-summary';
import { migrations } from './migrations';
import { openStore } from './open-store';
import { sinceToUtc, untilToUtc } from './since';
import type { DayModelSums, Store, UsageFilter } from './types';
import { wholeMonths } from './usage-queries';
import { usageCoarseRollupMigration } from './usage-rollup-coarse';
import { toUsageRow, usageColumns } from './usage-rows';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'switchboard-usage-coarse-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const targets = ['a/one', 'a/two', 'b/three', null];
const requested = ['fast', 'a/one', 'b/three', 'cheap'];
const statuses = ['ok', 'ok', 'ok', 'error', 'cancelled', 'interrupted'] as const;
const costSources = ['config', 'catalog', 'estimate', 'cache', 'unknown'] as const;
const start = Date.UTC(2026, 7, 17);
const spanDays = 115;

/** Calls from mid-August to December: whole months between part months, some at month and day edges. */
function calls(count: number, seed: number): UsageRecord[] {
  const next = random(seed);
  const pick = <T>(values: readonly T[]) => values[Math.floor(next() * values.length)]!;
  return Array.from({ length: count }, (_, index) => {
    const costSource = pick(costSources);
    const target = pick(targets);
    const at =
      index % 17 === 0 ? Date.UTC(2026, 9, 1) - (index % 2) : start + Math.floor(next() * spanDays * 86_400_000);
    return usageRecord(`call-${index}`, new Date(at).toISOString(), {
      source: next() < 0.5 ? 'app' : 'api',
      status: pick(statuses),
      requestedModel: target && next() > 0.5 ? target : pick(requested),
      target,
      timeToFirstTokenMs: next() > 0.3 ? 5 + next() * next() * 9000 : null,
      usage:
        next() > 0.2
          ? {
              inputTokens: Math.floor(next() * 1000),
              cacheReadTokens: Math.floor(next() * 5),
              cacheWriteTokens: 0,
              outputTokens: 40,
              reasoningTokens: null,
            }
          : null,
      costUSD: costSource === 'unknown' ? null : costSource === 'cache' ? 0 : Math.round(next() * 1e6) / 1e6,
      costSource,
      savedUSD: costSource === 'cache' ? (next() > 0.3 ? 0.25 : null) : null,
      attempts: next() > 0.7 ? [usageRecord('x', 'x').attempts[0]!, usageRecord('x', 'x').attempts[1]!] : [],
    });
  });
}

/** The filter as conditions on the calls themselves. */
function rawWhere(filter: UsageFilter): { where: string; parameters: Record<string, string> } {
  const parameters: Record<string, string> = {
    since: filter.since === undefined ? '' : sinceToUtc(filter.since)!,
    until: filter.until === undefined ? '9999' : untilToUtc(filter.until)!,
  };
  const conditions = ['created_at >= @since', 'created_at < @until'];
  for (const name of ['source', 'status', 'model', 'endpoint'] as const) {
    if (filter[name] !== undefined) {
      conditions.push(`${name} = @${name}`);
      parameters[name] = filter[name];
    }
  }
  if (filter.route !== undefined) {
    conditions.push('requested_model = @route');
    parameters.route = filter.route;
  }
  return { where: conditions.join(' AND '), parameters };
}

/** Sums by day and model, straight from the calls. */
function rawDays(db: Database.Database, filter: UsageFilter): DayModelSums[] {
  const { where, parameters } = rawWhere(filter);
  return db
    .prepare(
      `SELECT substr(created_at, 1, 10) AS day, model, COUNT(*) AS calls,
         SUM(status <> 'ok') AS failedCalls, SUM(status = 'error') AS errorCalls,
         TOTAL(input_tokens) AS inputTokens, TOTAL(output_tokens) AS outputTokens,
         TOTAL(cache_read_tokens) AS cacheReadTokens, TOTAL(cost_usd) AS costUSD,
         SUM(cost_usd IS NOT NULL) AS pricedCalls, SUM(cost_usd IS NULL AND input_tokens IS NOT NULL) AS unpricedCalls,
         SUM(cost_source = 'estimate' AND cost_usd IS NOT NULL) AS estimatedCalls,
         TOTAL(CASE WHEN cost_source = 'estimate' THEN cost_usd END) AS estimatedCostUSD,
         SUM(cost_source = 'cache') AS cacheHits, TOTAL(CASE WHEN cost_source = 'cache' THEN saved_usd END) AS savedUSD,
         SUM(cost_source = 'cache' AND saved_usd IS NULL) AS unsavedHits,
         SUM(json_array_length(attempts) > 1) AS failoverCalls
       FROM usage WHERE ${where} GROUP BY 1, 2 ORDER BY 1, 2`,
    )
    .all(parameters) as DayModelSums[];
}

/** First-token counts by model and bucket, straight from the calls. */
function rawBuckets(db: Database.Database, filter: UsageFilter): Map<string, number[]> {
  const { where, parameters } = rawWhere(filter);
  const counts = new Map<string, number[]>();
  const rows = db
    .prepare(
      `SELECT model, ttft_bucket AS bucket, COUNT(*) AS calls FROM usage
       WHERE time_to_first_token_ms IS NOT NULL AND ${where} GROUP BY 1, 2`,
    )
    .all(parameters) as { model: string; bucket: number; calls: number }[];
  for (const { model, bucket, calls: count } of rows) {
    const buckets = counts.get(model) ?? Array.from({ length: 64 }, () => 0);
    buckets[bucket] = count;
    counts.set(model, buckets);
  }
  return counts;
}

function expectSameAsRaw(store: Store, db: Database.Database, filter: UsageFilter) {
  const days = store.usageByDayAndModel(filter);
  const expected = rawDays(db, filter);
  expect(
    days.map((row) => `${row.day} ${row.model}`),
    JSON.stringify(filter),
  ).toEqual(expected.map((row) => `${row.day} ${row.model}`));
  days.forEach((row, index) => {
    for (const [key, value] of Object.entries(expected[index]!)) {
      if (typeof value === 'number') expect(row[key as keyof DayModelSums] as number).toBeCloseTo(value, 9);
    }
  });
  if (filter.status === undefined && filter.route === undefined) {
    const buckets = new Map(store.firstTokenBuckets(filter).map((row) => [row.model, row.buckets]));
    expect(buckets, JSON.stringify(filter)).toEqual(rawBuckets(db, filter));
  }
}

const filters: UsageFilter[] = [
  {},
  { since: '2026-09-01' },
  { until: '2026-10-15T12:00:00Z' },
  // Whole months exactly, and part days at both ends of a range across months.
  { since: '2026-09-01', until: '2026-11-01' },
  { since: '2026-08-20T10:00:00Z', until: '2026-11-15T08:00:00Z' },
  { since: '2026-09-30', until: '2026-10-02' },
  { since: '2026-09-30T23:59:59.999Z', until: '2026-10-01T00:00:00.001Z' },
  { source: 'api', since: '2026-09-03' },
  { model: 'a/one' },
  { endpoint: 'b', until: '2026-12-01' },
  { model: 'cheap', since: '2026-08-31T22:00:00Z' },
  { endpoint: 'a', source: 'app', since: '2026-09-05T07:00:00Z', until: '2026-10-20T18:00:00Z' },
  { status: 'error', since: '2026-09-10T05:00:00Z' },
  { route: 'fast' },
];

describe('the roll-ups by day and model, and first-token times by month', () => {
  it('give the same sums and first-token counts as the calls themselves, over months and part days', () => {
    const store = openStore(dir);
    const records = calls(2500, 5);
    for (const record of records) store.recordUsage(record);
    const db = new Database(join(dir, 'switchboard.db'), { readonly: true });
    expect((db.prepare('SELECT COUNT(*) AS n FROM usage_ttft_monthly').get() as { n: number }).n).toBeGreaterThan(0);
    for (const filter of filters) expectSameAsRaw(store, db, filter);
    db.close();
    store.close();
  });

  it('give a report whose totals and first-token times match the calls', async () => {
    const store = openStore(dir);
    for (const record of calls(800, 9)) store.recordUsage(record);
    const db = new Database(join(dir, 'switchboard.db'), { readonly: true });
    const report = await usageReport(store, { since: '2026-08-20T10:00:00Z' });
    const raw = rawDays(db, { since: '2026-08-20T10:00:00Z' });
    expect(report.totals.calls).toBe(raw.reduce((sum, row) => sum + row.calls, 0));
    expect(report.totals.failedCalls).toBe(raw.reduce((sum, row) => sum + row.failedCalls, 0));
    expect(report.totals.costUSD).toBeCloseTo(
      raw.reduce((sum, row) => sum + row.costUSD, 0),
      9,
    );
    const buckets = rawBuckets(db, { since: '2026-08-20T10:00:00Z' });
    expect(new Map(report.firstToken.map((row) => [row.model, row.calls]))).toEqual(
      new Map([...buckets].map(([model, counts]) => [model, counts.reduce((sum, count) => sum + count, 0)])),
    );
    db.close();
    store.close();
  });

  it('stay equal after calls are deleted or changed by another connection, whole months included', () => {
    const store = openStore(dir);
    for (const record of calls(1500, 17)) store.recordUsage(record);
    const other = new Database(join(dir, 'switchboard.db'));
    other.prepare("DELETE FROM usage WHERE created_at LIKE '2026-10-%' AND source = 'api'").run();
    other.prepare("DELETE FROM usage WHERE created_at LIKE '2026-09-1%' AND target = 'b/three'").run();
    other
      .prepare(
        `UPDATE usage SET created_at = '2026-11-20T10:00:00.000Z', status = 'error', time_to_first_token_ms = 4000
         WHERE rowid IN (SELECT rowid FROM usage WHERE created_at LIKE '2026-09-%' LIMIT 40)`,
      )
      .run();
    other.close();
    const db = new Database(join(dir, 'switchboard.db'), { readonly: true });
    for (const filter of filters) expectSameAsRaw(store, db, filter);
    db.close();
    store.close();
  });
});

describe('the upgrade to the narrower roll-ups', () => {
  it('fills them from a history of the previous schema with calls in it, and keeps them after', () => {
    const release = migrations.findIndex((migration) => migration.sql === usageCoarseRollupMigration);
    const previous = new Database(join(dir, 'switchboard.db'));
    migrations.slice(0, release).forEach((migration) => previous.exec(migration.sql));
    previous.pragma(`user_version = ${release}`);
    const insert = previous.prepare(
      `INSERT INTO usage (${usageColumns.join(', ')}) VALUES (${usageColumns.map((column) => `@${column}`).join(', ')})`,
    );
    const before = calls(1200, 23);
    previous.transaction(() => before.forEach((record) => insert.run(toUsageRow(record))))();
    // A call deleted before the upgrade leaves zero sums behind in the daily roll-ups.
    previous.prepare("DELETE FROM usage WHERE id IN ('call-1', 'call-2')").run();
    previous.close();

    const store = openStore(dir);
    const db = new Database(join(dir, 'switchboard.db'), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    for (const filter of filters) expectSameAsRaw(store, db, filter);
    for (const record of calls(300, 29)) store.recordUsage({ ...record, id: `after-${record.id}` });
    for (const filter of filters) expectSameAsRaw(store, db, filter);
    db.close();
    store.close();
  });
});

describe('whole months of a range of days', () => {
  it('start at the first month that begins inside the range and end where the last month begins', () => {
    expect(wholeMonths('2026-08-17', '2026-12-10')).toEqual({ from: '2026-09-01', to: '2026-12-01' });
    expect(wholeMonths('2026-09-01', '2026-10-01')).toEqual({ from: '2026-09-01', to: '2026-10-01' });
    expect(wholeMonths('2026-12-15', '2027-02-03')).toEqual({ from: '2027-01-01', to: '2027-02-01' });
    expect(wholeMonths('2026-09-02', '2026-10-01')).toBeNull();
    expect(wholeMonths('2026-09-01', '2026-09-30')).toBeNull();
  });
});
