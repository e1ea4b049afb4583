import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SwitchboardError } from '../../shared/errors/codes';
import type { UsageRecord } from '../../shared/types/usage';
import type { CachedAnswer } from '../gateway/types';
import { checkHistoryFile, migrateHistoryFile } from './history-file';
import { createCompareTables } from './compare-tables';
import { createCompareVoteTable } from './compare-votes';
import { createConversationStore } from './conversation-store';
import { createModelListTable } from './model-lists';
import { createRouteHistory } from './route-history';
import { createPlaygroundTables } from './playground-tables';
import type { Store } from './types';
import { createUsageQueries } from './usage-queries';
import { toUsageRow, usageColumns } from './usage-rows';
import { spendByModel as sumByModel } from './usage-sums';

/** Rows kept in memory while the disk refuses them (a full disk): beyond this the oldest are dropped, logged. */
const maxQueuedRows = 10_000;

/** Turns SQLite's failures into errors that name the file and what to do. */
function storageError(file: string, error: unknown): SwitchboardError {
  // Already says what is wrong and what to do (a foreign or newer file, a bad filter).
  if (error instanceof SwitchboardError) return error;
  const code = (error as { code?: string }).code ?? '';
  const fix =
    code === 'SQLITE_FULL'
      ? 'The disk is full: free some space; nothing already saved was lost.'
      : code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN'
        ? 'Check that the folder exists and is writable.'
        : code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB'
          ? 'The file is damaged: move it aside (Switchboard starts a new one) and keep it for recovery.'
          : 'See the message above.';
  return new SwitchboardError(
    'STORAGE',
    `The history database ${file} failed (${code || (error as Error).message}). ${fix}`,
    { cause: error },
  );
}

/** Opens the file, refuses one that is not Switchboard's or is newer, and brings the schema up to date. */
function openDatabase(dataDir: string, file: string): Database.Database {
  let db: Database.Database | undefined;
  try {
    if (file !== ':memory:') mkdirSync(dataDir, { recursive: true });
    db = new Database(file);
    // First, so a second process opening the same new file waits instead of failing.
    db.pragma('busy_timeout = 5000');
    // Before anything that writes (WAL mode changes the file): another program's database stays as it was.
    checkHistoryFile(db, file);
    db.pragma('journal_mode = WAL');
    // In WAL mode, NORMAL syncs at checkpoints instead of every commit: a committed row survives the app
    // crashing or being killed; only a power loss or an OS crash can undo the last commits, never corrupt the file.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrateHistoryFile(db, file);
    return db;
  } catch (error) {
    db?.close();
    throw storageError(file, error);
  }
}

/** How long a deleted conversation can still be restored (its Undo shows for a few seconds of it). */
export const removedKeptMs = 60_000;

/** Every method of `methods`, with SQLite's failures turned into errors that name the file. */
function guardEvery<T extends object>(
  methods: T,
  guard: <A extends unknown[], R>(run: (...args: A) => R) => (...args: A) => R,
): T {
  return Object.fromEntries(
    Object.entries(methods).map(([name, method]) => [name, guard(method as (...args: unknown[]) => unknown)]),
  ) as T;
}

/** Opens (and migrates) `<dataDir>/switchboard.db`; `':memory:'` for a throwaway store. */
/** How long a local API call's row waits for others to be written with it in one transaction. */
export const usageFlushMs = 25;
/** As many queued rows are written at once, without waiting. */
const fullBatchRows = 256;

export function openStore(dataDir: string): Store {
  const file = dataDir === ':memory:' ? ':memory:' : join(dataDir, 'switchboard.db');
  const db = openDatabase(dataDir, file);
  const guard =
    <Args extends unknown[], T>(run: (...args: Args) => T) =>
    (...args: Args): T => {
      try {
        return run(...args);
      } catch (error) {
        throw storageError(file, error);
      }
    };

  // Every INSERT names its columns: a column added later, or in another order, never shifts a value.
  const insertUsage = db.prepare(
    `INSERT INTO usage (${usageColumns.join(', ')}) VALUES (${usageColumns.map((column) => `@${column}`).join(', ')})`,
  );
  const selectCachedAnswer = db.prepare<[string, string], CachedAnswer>(
    'SELECT target, served_model AS servedModel, finish_reason AS finishReason, text, cost_usd AS costUSD FROM response_cache WHERE key = ? AND expires_at > ?',
  );
  const deleteExpiredAnswers = db.prepare('DELETE FROM response_cache WHERE expires_at <= ?');
  const insertCachedAnswer = db.prepare(
    'INSERT OR REPLACE INTO response_cache (key, target, served_model, finish_reason, text, cost_usd, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const usage = createUsageQueries(db);

  // Rows of local API calls, written after their response ended, many in one transaction.
  let queued: UsageRecord[] = [];
  let flushTimer: NodeJS.Timeout | undefined;
  const insertQueued = db.transaction((records: UsageRecord[]) => {
    for (const record of records) insertUsage.run(toUsageRow(record));
  });
  /** Never throws: a failed batch is logged and kept for the next one (up to a bound, so memory stays flat). */
  const flushQueued = () => {
    if (flushTimer) clearTimeout(flushTimer);
    flushTimer = undefined;
    if (queued.length === 0 || !db.open) return;
    const batch = queued;
    queued = [];
    try {
      insertQueued(batch);
    } catch {
      // One row at a time, so a row SQLite refuses for itself does not hold back the others.
      const retry: UsageRecord[] = [];
      for (const record of batch) {
        try {
          insertUsage.run(toUsageRow(record));
        } catch (error) {
          // A full or busy disk may free up: kept for the next batch. A row refused for itself never will.
          const isPassing = /^SQLITE_(FULL|IOERR|BUSY|LOCKED|READONLY|CANTOPEN)/.test(
            (error as { code?: string }).code ?? '',
          );
          if (isPassing) retry.push(record);
          console.error(
            `switchboard: could not save 1 usage row(s) (call ${record.id}; ${isPassing ? 'kept in memory and tried again with the next call' : 'dropped'}): ${(error as Error).message}. ${storageError(file, error).message}`,
          );
        }
      }
      queued = [...retry, ...queued].slice(-maxQueuedRows);
    }
  };
  /** Reads see every row queued before them. */
  const flushed =
    <Args extends unknown[], T>(run: (...args: Args) => T) =>
    (...args: Args): T => {
      flushQueued();
      return run(...args);
    };
  /** A generator's failures, on any slice, named as the store's other failures are. */
  function* guardSlices<T>(start: () => Iterator<T>): Generator<T> {
    const slices = guard(start)();
    for (;;) {
      const next = guard(() => slices.next())();
      if (next.done) return;
      yield next.value;
    }
  }

  const conversations = guardEvery(createConversationStore(db), guard);
  // What was deleted a while ago goes for good; a moment ago, it may still be undone in a window.
  try {
    conversations.purgeRemovedConversations(new Date(Date.now() - removedKeptMs).toISOString());
  } catch (error) {
    console.error(`switchboard: could not purge deleted conversations yet: ${(error as Error).message}`);
  }

  return {
    modelLists: createModelListTable(db, guard),
    recentRouteCalls: guard(createRouteHistory(db)),
    playground: createPlaygroundTables(db, guard),
    compare: createCompareTables(db, guard),
    compareVotes: createCompareVoteTable(db, guard),
    ...conversations,
    recordUsage: guard((record) => {
      insertUsage.run(toUsageRow(record));
    }),
    queueUsage: (record) => {
      queued.push(record);
      // A transaction per call would cost more than the call's own routing: rows wait a moment for company.
      if (queued.length >= fullBatchRows) flushQueued();
      else flushTimer ??= setTimeout(flushQueued, usageFlushMs);
    },
    flushUsage: flushQueued,
    listUsage: guard(flushed((query = {}) => usage.listUsagePage(query, { limit: query.limit ?? 200 }).records)),
    spendByModel: guard(flushed((query = {}) => sumByModel(usage.usageByDayAndModel(query)))),
    readUsage: flushed((filter) => guardSlices(() => usage.readUsage(filter))),
    usageByDayAndModel: guard(flushed((filter) => usage.usageByDayAndModel(filter))),
    firstTokenBuckets: guard(flushed((filter) => usage.firstTokenBuckets(filter))),
    listUsagePage: guard(flushed((filter, page) => usage.listUsagePage(filter, page))),
    usageChoices: guard(flushed(() => usage.usageChoices())),
    spendByEndpoint: guard(flushed((fromDay, toDay) => usage.spendByEndpoint(fromDay, toDay))),
    getCachedAnswer: guard((key, now) => selectCachedAnswer.get(key, now)),
    putCachedAnswer: guard((key, answer, now, expiresAt) => {
      db.transaction(() => {
        deleteExpiredAnswers.run(now);
        insertCachedAnswer.run(
          key,
          answer.target,
          answer.servedModel,
          answer.finishReason,
          answer.text,
          answer.costUSD ?? null,
          now,
          expiresAt,
        );
      })();
    }),
    close: () => {
      flushQueued();
      db.close();
    },
  };
}
