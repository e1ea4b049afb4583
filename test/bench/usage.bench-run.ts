// The Usage screen's requests with 1,000,000 calls stored: each is one synchronous SQLite query in the
// process that also streams answers, so its time is how long a stream can stall behind it.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import type { UsageRecord } from '../../shared/types/usage';
import { budgetReport } from '../../electron/budget/budget-report';
import { checkBudget } from '../../electron/budget/check-budget';
import { exportUsage } from '../../electron/core/usage-export';
import { usageReport } from '../../electron/core/usage-summary';
import { openStore } from '../../electron/store/open-store';
import { migrations } from '../../electron/store/migrations';
import { toUsageRow, usageColumns } from '../../electron/store/usage-rows';
import { machineLine, writeMarkedSection, type ReportRow } from './marked-section';
import { measure, record, round, type Measurement } from './measure';
import { measureStreamsBesideUsage } from './usage-stream';

const rowCount = Number(process.env.USAGE_BENCH_ROWS ?? 1_000_000);
const days = 365;
const end = Date.UTC(2026, 10, 25);
const endpoints = ['work', 'home', 'or', 'local'];
const models = endpoints.flatMap((endpoint) => ['a', 'b', 'c'].map((model) => `${endpoint}/${model}`));
const routes = ['fast', 'cheap', 'smart'];
const streamRuns = Number(process.env.USAGE_BENCH_STREAMS ?? 3);

/** Calls over a year, newest last: 12 models on 4 endpoints, 3 routes, both sources, 3% errors. */
function call(index: number, next: () => number): UsageRecord {
  const target = models[Math.floor(next() * models.length)]!;
  const isError = next() < 0.03;
  const createdAt = new Date(
    end - days * 86_400_000 + Math.floor((index / rowCount) * days * 86_400_000),
  ).toISOString();
  const inputTokens = 200 + Math.floor(next() * 4000);
  return {
    id: `bench-${index}`,
    createdAt,
    source: next() < 0.5 ? 'app' : 'api',
    apiProtocol: null,
    apiPath: null,
    status: isError ? 'error' : next() < 0.01 ? 'cancelled' : 'ok',
    requestedModel: next() < 0.4 ? routes[Math.floor(next() * routes.length)]! : target,
    target: isError ? null : target,
    servedModel: target.slice(target.indexOf('/') + 1),
    finishReason: isError ? null : 'stop',
    timeToFirstTokenMs: isError ? null : 150 + next() * next() * 4000,
    totalMs: 2000,
    usage: isError
      ? null
      : { inputTokens, cacheReadTokens: 0, cacheWriteTokens: 0, outputTokens: 300, reasoningTokens: null },
    tokensPerSecond: isError ? null : 40,
    costUSD: isError ? null : inputTokens * 1e-6,
    costSource: isError ? 'unknown' : 'config',
    attempts: [
      { target, startedAtMs: 0, durationMs: 2000, error: isError ? { code: 'NETWORK', message: 'reset' } : null },
    ],
    error: isError ? 'reset' : null,
    conversationId: null,
    savedUSD: null,
  };
}

/**
 * Writes a history of the schema before the roll-ups (as a user upgrading has), with every column it has, in
 * big transactions.
 */
function fillPreviousSchema(file: string): void {
  let state = 42;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const rollUps = migrations.findIndex((migration) => migration.sql.includes('usage_daily'));
  const db = new Database(file);
  migrations.slice(0, rollUps).forEach((migration) => db.exec(migration.sql));
  db.pragma(`user_version = ${rollUps}`);
  const existing = new Set((db.pragma('table_info(usage)') as { name: string }[]).map((column) => column.name));
  const columns = usageColumns.filter((column) => existing.has(column));
  const insert = db.prepare(
    `INSERT INTO usage (${columns.join(', ')}) VALUES (${columns.map((column) => `@${column}`).join(', ')})`,
  );
  const batch = db.transaction((from: number, to: number) => {
    for (let index = from; index < to; index += 1) {
      const row = toUsageRow(call(index, next)) as unknown as Record<string, unknown>;
      insert.run(Object.fromEntries(columns.map((column) => [column, row[column]])));
    }
  });
  for (let from = 0; from < rowCount; from += 50_000) batch(from, Math.min(rowCount, from + 50_000));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

it(`the Usage screen with ${rowCount.toLocaleString('en')} calls`, async () => {
  const started = performance.now();
  const loadBefore = loadavg();
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-usage-bench-'));
  const file = join(dir, 'switchboard.db');
  fillPreviousSchema(file);
  // The first start after the update: derived columns, indexes and the roll-ups filled from every call.
  const upgradeStarted = performance.now();
  const store = openStore(dir);
  const upgradeMs = performance.now() - upgradeStarted;
  const megabytes = round(statSync(file).size / 2 ** 20);
  record({
    name: `usage: upgrade a history of ${rowCount.toLocaleString('en')} calls (indexes, roll-ups filled)`,
    runs: 1,
    medianMs: round(upgradeMs),
    p95Ms: round(upgradeMs),
    extra: { megabytesAfter: megabytes },
  });

  const lastMonth = { since: '2026-10-26' };
  const pages = Math.min(1000, Math.floor(rowCount / 100));
  const results = [
    await measure(`usage: record one call (${rowCount.toLocaleString('en')} stored)`, 500, () =>
      store.recordUsage({
        ...call(0, Math.random),
        id: `extra-${Math.random()}`,
        createdAt: new Date(end).toISOString(),
      }),
    ),
    await measure('usage: report, every call (totals, days, models, TTFT)', 20, () => usageReport(store, {})),
    await measure('usage: report, last 30 days', 20, () => usageReport(store, lastMonth)),
    await measure('usage: report, part days at both ends', 20, () =>
      usageReport(store, { since: '2026-03-01T10:30:00Z', until: '2026-09-10T16:00:00Z' }),
    ),
    await measure('usage: report, one model, every call', 20, () => usageReport(store, { model: 'or/b' })),
    await measure('usage: first page of 50 calls', 100, () => store.listUsagePage({}, { limit: 50 })),
    await measure('usage: first page, errors only', 100, () => store.listUsagePage({ status: 'error' }, { limit: 50 })),
    await measure('usage: first page, one model in the last 30 days', 100, () =>
      store.listUsagePage({ ...lastMonth, model: 'home/c' }, { limit: 50 }),
    ),
    await measure('usage: first page, one route', 100, () => store.listUsagePage({ route: 'smart' }, { limit: 50 })),
    await measure('usage: first page, a model with no calls (whole index range empty)', 100, () =>
      store.listUsagePage({ model: 'nowhere/x' }, { limit: 50 }),
    ),
    await measure(
      `usage: page ${pages.toLocaleString('en')} (by cursor)`,
      100,
      (() => {
        let cursor = store.listUsagePage({}, { limit: 50 }).next!;
        for (let page = 1; page < pages; page += 1) cursor = store.listUsagePage({}, { cursor, limit: 50 }).next!;
        return () => store.listUsagePage({}, { cursor, limit: 50 });
      })(),
    ),
    await measure('usage: export piece, 1,000 calls as CSV', 20, () =>
      exportUsage(store, {}, { format: 'csv', limit: 1000 }),
    ),
    await measure('usage: budget check before an attempt', 500, () =>
      checkBudget(
        budgetReport(
          { overall: { monthlyUSD: 100, warnAtPercent: 80, whenReached: 'stop' } },
          store.spendByEndpoint,
          new Date(end),
        ),
        'work',
      ),
    ),
  ];

  // The longest the report holds the event loop at once: each slice (one query), then the filter choices.
  let longestWallMs = 0;
  let longestCpuMs = 0;
  const step = (run: () => unknown) => {
    const wall = performance.now();
    const cpu = process.threadCpuUsage();
    run();
    const cpuUsed = process.threadCpuUsage(cpu);
    longestWallMs = Math.max(longestWallMs, performance.now() - wall);
    longestCpuMs = Math.max(longestCpuMs, (cpuUsed.user + cpuUsed.system) / 1000);
  };
  let slices = 0;
  for (let run = 0; run < 5; run += 1) {
    const iterator = store.readUsage({})[Symbol.iterator]();
    for (let done = false; !done;) step(() => (done = iterator.next().done === true) || (slices += 1));
    step(() => store.usageChoices());
  }
  record({
    name: 'usage: longest single step of a report over every call (one slice or the filter choices)',
    runs: 5,
    medianMs: round(longestWallMs),
    p95Ms: round(longestWallMs),
    extra: { cpuMs: round(longestCpuMs), slicesPerReport: slices / 5 },
  });

  // What a stream in the same process feels: the event loop's delay while the screen loads, each request
  // in its own turn as the bridge delivers them.
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const load = [() => usageReport(store, {}), () => store.listUsagePage({}, { limit: 50 })];
  for (let round = 0; round < 10; round += 1) {
    for (const task of load) {
      await task();
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  delay.disable();
  record({
    name: 'usage: event-loop delay while the Usage screen loads every call 10 times',
    runs: 20,
    medianMs: round(delay.percentile(50) / 1e6),
    p95Ms: round(delay.percentile(95) / 1e6),
    extra: { maxMs: round(delay.max / 1e6) },
  });

  store.close();

  // The same history behind `switchboard serve`: a stream's chunk gaps alone and while the Usage screen loads.
  const streams = await measureStreamsBesideUsage(dir, streamRuns);
  rmSync(dir, { recursive: true, force: true });
  const gapRows: ReportRow[] = [
    {
      figure: 'a stream alone: longest gap between chunks',
      values: streams.alone.longestGapMs,
      unit: 'ms',
      target: '',
    },
    {
      figure: 'the stream while the Usage screen loads back to back: longest gap',
      values: streams.besideUsage.longestGapMs,
      unit: 'ms',
      target: 'never delayed: ≈ alone',
    },
    { figure: 'a stream alone: gap p99', values: streams.alone.p99GapMs, unit: 'ms', target: '' },
    {
      figure: 'the stream while the Usage screen loads: gap p99',
      values: streams.besideUsage.p99GapMs,
      unit: 'ms',
      target: '≈ alone',
    },
  ];
  for (const row of gapRows) {
    const sorted = [...row.values].sort((a, b) => a - b);
    record({
      name: `usage: ${row.figure}`,
      runs: row.values.length,
      medianMs: round(sorted[Math.floor(sorted.length / 2)]!),
      p95Ms: round(sorted.at(-1)!),
    });
  }
  const serverRows: ReportRow[] = [...streams.roundTrips].map(([name, times]) => ({
    figure: `through the server, beside a stream: ${name} (round trip)`,
    values: times,
    unit: 'ms',
    target: '< 50 ms',
  }));
  const queryRow = (result: Measurement): ReportRow => ({
    figure: `in process: ${result.name.replace(/^usage: /, '')} (median; p95 ${result.p95Ms} ms)`,
    values: [result.medianMs],
    unit: 'ms',
    target: result.name.includes('record one call') || result.name.includes('export') ? '' : '< 50 ms',
  });
  writeMarkedSection(
    'usage-bench',
    `The Usage screen at ${rowCount.toLocaleString('en')} calls`,
    [
      `Last run: ${new Date().toISOString()}, ${Math.round((performance.now() - started) / 1000)} s. ${machineLine(loadBefore)}`,
      `\`usage.bench-run.ts\`: a year of ${rowCount.toLocaleString('en')} calls written in the schema before the roll-ups, then upgraded as a user's first start after the update does. "In process" rows: each query as the server runs it (median over 20–500 calls; one value, so no spread). "Through the server" rows: the page's requests over \`/bridge\` to \`switchboard serve\` on that history, back to back while a local API stream of 400 chunks (5 ms apart) runs; each row gives the median round trip with the lowest–highest in brackets. Stream rows: ${streamRuns} streams each, the longest and p99 gap between chunks as the client reads them.`,
    ],
    [...results.map(queryRow), ...serverRows, ...gapRows],
  );
  expect(results.every((result) => result.medianMs > 0)).toBe(true);
  expect(streams.besideUsage.longestGapMs.length).toBe(streamRuns);
});
