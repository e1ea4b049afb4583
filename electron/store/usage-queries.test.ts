import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { usageRecord } from '../../shared/types/__fixtures__/usage-record';
import type { UsageRecord } from '../../shared/types/usage';
import { migrations } from './migrations';
import { openStore } from './open-store';
import { sinceToUtc, untilToUtc } from './since';
import type { DayModelSums, UsageFilter } from './types';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'switchboard-usage-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A small deterministic generator, so a failure replays the same calls. */
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
const sources = ['app', 'api'] as const;
const costSources = ['config', 'catalog', 'estimate', 'cache', 'unknown'] as const;

/** Calls spread over ten days in November, some at the same millisecond. */
function calls(count: number, seed = 7): UsageRecord[] {
  const next = random(seed);
  const pick = <T>(values: readonly T[]) => values[Math.floor(next() * values.length)]!;
  return Array.from({ length: count }, (_, index) => {
    const costSource = pick(costSources);
    const hasTokens = next() > 0.2;
    const target = pick(targets);
    return usageRecord(
      `call-${index}`,
      new Date(Date.UTC(2026, 10, 1) + Math.floor(next() * 10 * 86_400) * 1000).toISOString(),
      {
        source: pick(sources),
        status: pick(statuses),
        requestedModel: target && next() > 0.5 ? target : pick(requested),
        target,
        timeToFirstTokenMs: next() > 0.3 ? 20 + next() * 3000 : null,
        usage: hasTokens
          ? {
              inputTokens: Math.floor(next() * 1000),
              cacheReadTokens: 3,
              cacheWriteTokens: 0,
              outputTokens: 40,
              reasoningTokens: null,
            }
          : null,
        costUSD: costSource === 'unknown' ? null : costSource === 'cache' ? 0 : Math.round(next() * 1e6) / 1e6,
        costSource,
        savedUSD: costSource === 'cache' ? (next() > 0.3 ? 0.25 : null) : null,
        attempts: next() > 0.7 ? [usageRecord('x', 'x').attempts[0]!, usageRecord('x', 'x').attempts[1]!] : [],
      },
    );
  });
}

const modelOf = (record: UsageRecord) => record.target ?? record.requestedModel;
const endpointOf = (model: string) => (model.includes('/') ? model.slice(0, model.indexOf('/')) : null);

/** What the roll-up must give, computed from the calls themselves. */
function expectedDays(records: UsageRecord[], filter: UsageFilter): DayModelSums[] {
  const since = filter.since === undefined ? '' : sinceToUtc(filter.since)!;
  const until = filter.until === undefined ? '9999' : untilToUtc(filter.until)!;
  const sums = new Map<string, DayModelSums>();
  for (const record of records) {
    const model = modelOf(record);
    const isMatch =
      record.createdAt >= since &&
      record.createdAt < until &&
      (filter.source === undefined || record.source === filter.source) &&
      (filter.status === undefined || record.status === filter.status) &&
      (filter.model === undefined || model === filter.model) &&
      (filter.endpoint === undefined || endpointOf(model) === filter.endpoint) &&
      (filter.route === undefined || record.requestedModel === filter.route);
    if (!isMatch) continue;
    const day = record.createdAt.slice(0, 10);
    const key = `${day}|${model}`;
    const sum = sums.get(key) ?? {
      day,
      model,
      calls: 0,
      failedCalls: 0,
      errorCalls: 0,
      inputTokens: 0,
      outputTokens: 0,
      cacheReadTokens: 0,
      costUSD: 0,
      pricedCalls: 0,
      unpricedCalls: 0,
      estimatedCalls: 0,
      estimatedCostUSD: 0,
      cacheHits: 0,
      savedUSD: 0,
      unsavedHits: 0,
      failoverCalls: 0,
    };
    const isReplay = record.costSource === 'cache';
    sum.calls += 1;
    sum.failedCalls += record.status === 'ok' ? 0 : 1;
    sum.errorCalls += record.status === 'error' ? 1 : 0;
    sum.inputTokens += record.usage?.inputTokens ?? 0;
    sum.outputTokens += record.usage?.outputTokens ?? 0;
    sum.cacheReadTokens += record.usage?.cacheReadTokens ?? 0;
    sum.costUSD += record.costUSD ?? 0;
    sum.pricedCalls += record.costUSD === null ? 0 : 1;
    sum.unpricedCalls += record.costUSD === null && record.usage ? 1 : 0;
    sum.estimatedCalls += record.costSource === 'estimate' && record.costUSD !== null ? 1 : 0;
    sum.estimatedCostUSD += record.costSource === 'estimate' ? (record.costUSD ?? 0) : 0;
    sum.cacheHits += isReplay ? 1 : 0;
    sum.savedUSD += isReplay ? (record.savedUSD ?? 0) : 0;
    sum.unsavedHits += isReplay && record.savedUSD === null ? 1 : 0;
    sum.failoverCalls += record.attempts.length > 1 ? 1 : 0;
    sums.set(key, sum);
  }
  return [...sums.values()].sort((a, b) => (a.day + a.model < b.day + b.model ? -1 : 1));
}

/** Sums compared with a tolerance for floating-point addition order. */
function expectSameSums(actual: DayModelSums[], expected: DayModelSums[]) {
  expect(actual.map((row) => `${row.day} ${row.model}`)).toEqual(expected.map((row) => `${row.day} ${row.model}`));
  actual.forEach((row, index) => {
    for (const [key, value] of Object.entries(expected[index]!)) {
      if (typeof value === 'number') expect(row[key as keyof DayModelSums] as number).toBeCloseTo(value, 9);
    }
  });
}

const filters: UsageFilter[] = [
  {},
  { since: '2026-11-03' },
  { until: '2026-11-06' },
  { since: '2026-11-02', until: '2026-11-07' },
  // Part days at either end, read from the calls.
  { since: '2026-11-02T13:30:00Z', until: '2026-11-08T06:15:00+02:00' },
  // Within one day, and across two part days with no whole day between.
  { since: '2026-11-04T05:00:00Z', until: '2026-11-04T19:00:00Z' },
  { since: '2026-11-04T05:00:00Z', until: '2026-11-05T19:00:00Z' },
  { source: 'api' },
  { status: 'error' },
  { model: 'a/one' },
  { endpoint: 'b' },
  { route: 'fast' },
  { source: 'app', status: 'ok', endpoint: 'a', since: '2026-11-03T12:00:00Z' },
  { model: 'cheap' },
];

describe('usage aggregates from the daily roll-up', () => {
  it('equal the sums over the calls themselves, for every filter and any since/until', () => {
    const store = openStore(dir);
    const records = calls(1500);
    for (const record of records) store.recordUsage(record);
    for (const filter of filters) {
      expectSameSums(store.usageByDayAndModel(filter), expectedDays(records, filter));
    }
    store.close();
  });

  it('stay equal when calls are deleted or changed by hand, and after a reopen', () => {
    const records = calls(400, 11);
    const store = openStore(dir);
    for (const record of records) store.recordUsage(record);
    store.close();
    const db = new Database(join(dir, 'switchboard.db'));
    db.prepare("DELETE FROM usage WHERE id IN ('call-1', 'call-2', 'call-3')").run();
    db.prepare("UPDATE usage SET status = 'error', cost_usd = 1.5 WHERE id = 'call-10'").run();
    db.close();
    const kept = records
      .filter((record) => !['call-1', 'call-2', 'call-3'].includes(record.id))
      .map((record) => (record.id === 'call-10' ? { ...record, status: 'error' as const, costUSD: 1.5 } : record));
    const reopened = openStore(dir);
    for (const filter of filters) expectSameSums(reopened.usageByDayAndModel(filter), expectedDays(kept, filter));
    reopened.close();
  });

  it('count first-token times by model, only for calls that had one, by dates, source, model and endpoint', () => {
    const store = openStore(dir);
    const records = calls(600, 3);
    for (const record of records) store.recordUsage(record);
    const ttftFilters: UsageFilter[] = [
      { source: 'app' },
      { since: '2026-11-02T13:30:00Z', until: '2026-11-08T06:15:00+02:00' },
      { endpoint: 'a', since: '2026-11-04T05:00:00Z', until: '2026-11-04T19:00:00Z' },
      { model: 'b/three' },
    ];
    for (const filter of ttftFilters) {
      const counted = store.firstTokenBuckets(filter);
      const matching = records.filter((record) => record.timeToFirstTokenMs !== null);
      const days = expectedDays(matching, filter);
      const expected = new Map<string, number>();
      for (const row of days) expected.set(row.model, (expected.get(row.model) ?? 0) + row.calls);
      expect(new Map(counted.map((sum) => [sum.model, sum.calls]))).toEqual(expected);
      for (const sum of counted) expect(sum.buckets.reduce((total, value) => total + value, 0)).toBe(sum.calls);
    }
    store.close();
  });

  it('offers every model, endpoint and route that has calls', () => {
    const store = openStore(dir);
    for (const record of calls(200, 5)) store.recordUsage(record);
    expect(store.usageChoices()).toEqual({
      models: ['a/one', 'a/two', 'b/three', 'cheap', 'fast'],
      endpoints: ['a', 'b'],
      routes: ['cheap', 'fast'],
    });
    store.close();
  });

  it('reads the choices again only after calls are written, by this store or by another connection', () => {
    const store = openStore(dir);
    for (const record of calls(50, 5)) store.recordUsage(record);
    const first = store.usageChoices();
    // Nothing written since: the same answer, not a new scan.
    expect(store.usageChoices()).toBe(first);

    store.recordUsage(
      usageRecord('new-model', '2026-11-20T10:00:00.000Z', { target: 'c/four', requestedModel: 'c/four' }),
    );
    const afterOwnWrite = store.usageChoices();
    expect(afterOwnWrite).not.toBe(first);
    expect(afterOwnWrite.models).toContain('c/four');
    expect(afterOwnWrite.endpoints).toContain('c');

    // Another process (or a hand edit) changes the file: seen on the next read.
    const other = new Database(join(dir, 'switchboard.db'));
    other.prepare("UPDATE usage SET requested_model = 'smart', target = 'd/five' WHERE id = 'new-model'").run();
    other.close();
    const afterOtherWrite = store.usageChoices();
    expect(afterOtherWrite.models).toContain('d/five');
    expect(afterOtherWrite.models).not.toContain('c/four');
    expect(afterOtherWrite.routes).toContain('smart');
    store.close();
  });

  it('sum spending by endpoint over whole days, for budgets', () => {
    const store = openStore(dir);
    const records = calls(500, 9);
    for (const record of records) store.recordUsage(record);
    const spend = new Map(store.spendByEndpoint('2026-11-03', '2026-11-08').map((row) => [row.endpoint, row.costUSD]));
    const inRange = records.filter((record) => record.createdAt >= '2026-11-03' && record.createdAt < '2026-11-08');
    for (const endpoint of ['a', 'b', null]) {
      const expected = inRange
        .filter((record) => endpointOf(modelOf(record)) === endpoint)
        .reduce((sum, record) => sum + (record.costUSD ?? 0), 0);
      expect(spend.get(endpoint) ?? 0).toBeCloseTo(expected, 9);
    }
    store.close();
  });
});

describe('pages of calls', () => {
  it('walk every matching call once, newest first, even with calls at the same millisecond', () => {
    const store = openStore(dir);
    const records = calls(700, 13);
    // Ten calls at one moment: the cursor must not skip or repeat any of them.
    for (let index = 0; index < 10; index += 1) {
      records.push(
        usageRecord(`same-${index}`, '2026-11-05T12:00:00.000Z', { requestedModel: 'fast', target: 'a/one' }),
      );
    }
    for (const record of records) store.recordUsage(record);
    for (const filter of [
      {},
      { endpoint: 'a' },
      { status: 'error' as const },
      { since: '2026-11-04', until: '2026-11-06' },
    ]) {
      const seen: UsageRecord[] = [];
      let cursor: string | undefined;
      do {
        const page = store.listUsagePage(filter, { cursor, limit: 7 });
        expect(page.records.length).toBeLessThanOrEqual(7);
        seen.push(...page.records);
        cursor = page.next ?? undefined;
      } while (cursor !== undefined);
      const expectedCount = expectedDays(records, filter).reduce((sum, row) => sum + row.calls, 0);
      expect(seen.length).toBe(expectedCount);
      expect(new Set(seen.map((record) => record.id)).size).toBe(expectedCount);
      const times = seen.map((record) => record.createdAt);
      expect(times).toEqual([...times].sort().reverse());
    }
    store.close();
  });

  it('read each filter through its own index, never the whole table', () => {
    const store = openStore(dir);
    store.close();
    const db = new Database(join(dir, 'switchboard.db'), { readonly: true });
    const plan = (where: string) =>
      (
        db
          .prepare(
            `EXPLAIN QUERY PLAN SELECT * FROM usage WHERE ${where} ORDER BY created_at DESC, rowid DESC LIMIT 50`,
          )
          .all() as { detail: string }[]
      )
        .map((row) => row.detail)
        .join('; ');
    expect(plan("model = 'a/one'")).toMatch(/USING INDEX usage_by_model/);
    expect(plan("endpoint = 'a'")).toMatch(/USING INDEX usage_by_endpoint/);
    expect(plan("status = 'error'")).toMatch(/USING INDEX usage_by_status/);
    expect(plan("requested_model = 'fast' AND instr(requested_model, '/') = 0")).toMatch(
      /USING INDEX usage_by_requested_model/,
    );
    expect(plan("created_at >= '2026-11-01'")).toMatch(/USING INDEX usage_by_time/);
    expect(plan('1')).not.toMatch(/USE TEMP B-TREE/);
    db.close();
  });
});

describe('the upgrade to the roll-up', () => {
  it('keeps every call of a history of the previous schema and sums them all', () => {
    const previous = new Database(join(dir, 'switchboard.db'));
    migrations.slice(0, 3).forEach((migration) => previous.exec(migration.sql));
    previous.pragma('user_version = 3');
    const records = calls(300, 21);
    const insert = previous.prepare(
      `INSERT INTO usage (id, created_at, source, status, requested_model, target, served_model, finish_reason,
        time_to_first_token_ms, total_ms, input_tokens, cache_read_tokens, cache_write_tokens, output_tokens,
        reasoning_tokens, tokens_per_second, cost_usd, cost_source, attempts, error, conversation_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const record of records) {
      insert.run(
        record.id,
        record.createdAt,
        record.source,
        record.status,
        record.requestedModel,
        record.target,
        record.servedModel,
        record.finishReason,
        record.timeToFirstTokenMs,
        record.totalMs,
        record.usage?.inputTokens ?? null,
        record.usage?.cacheReadTokens ?? null,
        record.usage?.cacheWriteTokens ?? null,
        record.usage?.outputTokens ?? null,
        record.usage?.reasoningTokens ?? null,
        record.tokensPerSecond,
        record.costUSD,
        record.costSource,
        JSON.stringify(record.attempts),
        record.error,
        record.conversationId,
      );
    }
    previous
      .prepare("INSERT INTO response_cache VALUES ('k', 'a/one', null, null, 'kept', '2026-11-01', '2999-01-01')")
      .run();
    previous.close();

    const store = openStore(dir);
    // Rows from before have no saving recorded: a replay among them counts as a saving not known.
    const before = records.map((record) => ({ ...record, savedUSD: null, apiProtocol: null, apiPath: null }));
    expect(
      store
        .listUsage({ limit: 1000 })
        .map((record) => record.id)
        .sort(),
    ).toEqual(before.map((record) => record.id).sort());
    expect(store.listUsage({ limit: 1000 }).find((record) => record.id === 'call-0')).toEqual(before[0]);
    for (const filter of filters) expectSameSums(store.usageByDayAndModel(filter), expectedDays(before, filter));
    expect(store.getCachedAnswer('k', '2026-11-02')).toMatchObject({ text: 'kept', costUSD: null });
    store.close();
  });
});
