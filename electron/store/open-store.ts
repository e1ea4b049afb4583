import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { ConversationSummary, StoredMessage } from '../../shared/contract/chat';
import { SwitchboardError } from '../../shared/errors/codes';
import type { UsageRecord } from '../../shared/types/usage';
import type { CachedAnswer } from '../gateway/types';
import { checkHistoryFile, migrateHistoryFile } from './history-file';
import { createModelListTable } from './model-lists';
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

/** Opens (and migrates) `<dataDir>/switchboard.db`; `':memory:'` for a throwaway store. */
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
  const insertConversation = db.prepare(
    'INSERT INTO conversations (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)',
  );
  const touchConversation = db.prepare('UPDATE conversations SET updated_at = ? WHERE id = ?');
  const insertMessage = db.prepare(
    'INSERT INTO messages (id, conversation_id, role, content, model, status, usage_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const selectCachedAnswer = db.prepare<[string, string], CachedAnswer>(
    'SELECT target, served_model AS servedModel, finish_reason AS finishReason, text, cost_usd AS costUSD FROM response_cache WHERE key = ? AND expires_at > ?',
  );
  const deleteExpiredAnswers = db.prepare('DELETE FROM response_cache WHERE expires_at <= ?');
  const insertCachedAnswer = db.prepare(
    'INSERT OR REPLACE INTO response_cache (key, target, served_model, finish_reason, text, cost_usd, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const usage = createUsageQueries(db);
  const selectConversations = db.prepare(
    'SELECT id, title, updated_at AS updatedAt FROM conversations ORDER BY updated_at DESC',
  );
  const deleteConversation = db.prepare('DELETE FROM conversations WHERE id = ?');
  const selectMessages = db.prepare(
    'SELECT id, role, content, model, status, created_at AS createdAt FROM messages WHERE conversation_id = ? ORDER BY created_at, rowid',
  );

  // Rows of local API calls, written after their response ended, many in one transaction.
  let queued: UsageRecord[] = [];
  let flushTimer: NodeJS.Immediate | undefined;
  const insertQueued = db.transaction((records: UsageRecord[]) => {
    for (const record of records) insertUsage.run(toUsageRow(record));
  });
  /** Never throws: a failed batch is logged and kept for the next one (up to a bound, so memory stays flat). */
  const flushQueued = () => {
    if (flushTimer) clearImmediate(flushTimer);
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

  return {
    modelLists: createModelListTable(db, guard),
    createConversation: guard(({ title }) => {
      const now = new Date().toISOString();
      const conversation: ConversationSummary = { id: randomUUID(), title, updatedAt: now };
      insertConversation.run(conversation.id, title, now, now);
      return conversation;
    }),
    listConversations: guard(() => selectConversations.all() as ConversationSummary[]),
    // Messages go with it (ON DELETE CASCADE).
    removeConversation: guard((conversationId) => deleteConversation.run(conversationId).changes > 0),
    // A message may name its call's usage row: that row is written first.
    addMessage: guard((input) => {
      flushQueued();
      const message: StoredMessage = {
        id: randomUUID(),
        role: input.role,
        content: input.content,
        model: input.model ?? null,
        status: input.status ?? null,
        createdAt: new Date().toISOString(),
      };
      db.transaction(() => {
        insertMessage.run(
          message.id,
          input.conversationId,
          message.role,
          message.content,
          message.model,
          message.status,
          input.usageId ?? null,
          message.createdAt,
        );
        touchConversation.run(message.createdAt, input.conversationId);
      })();
      return message;
    }),
    listMessages: guard((conversationId) => selectMessages.all(conversationId) as StoredMessage[]),
    recordUsage: guard((record) => {
      insertUsage.run(toUsageRow(record));
    }),
    queueUsage: (record) => {
      queued.push(record);
      flushTimer ??= setImmediate(flushQueued);
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
