import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { ConversationSummary, StoredMessage } from '../../shared/contract/chat';
import type { ModelSpend } from '../../shared/contract/usage';
import { SwitchboardError } from '../../shared/errors/codes';
import { migrations } from './migrations';
import type { CachedAnswer } from '../gateway/types';
import type { Store } from './types';
import { fromUsageRow, toUsageRow, type UsageRow } from './usage-rows';

/** Turns SQLite's failures into errors that name the file and what to do. */
function storageError(file: string, error: unknown): SwitchboardError {
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

/** Opens (and migrates) `<dataDir>/switchboard.db`; `':memory:'` for a throwaway store. */
export function openStore(dataDir: string): Store {
  const file = dataDir === ':memory:' ? ':memory:' : join(dataDir, 'switchboard.db');
  let db: Database.Database;
  try {
    if (file !== ':memory:') mkdirSync(dataDir, { recursive: true });
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const version = db.pragma('user_version', { simple: true }) as number;
    db.transaction(() => {
      migrations.slice(version).forEach((sql) => db.exec(sql));
      db.pragma(`user_version = ${migrations.length}`);
    })();
  } catch (error) {
    throw storageError(file, error);
  }
  const guard =
    <Args extends unknown[], T>(run: (...args: Args) => T) =>
    (...args: Args): T => {
      try {
        return run(...args);
      } catch (error) {
        throw storageError(file, error);
      }
    };

  const insertUsage =
    db.prepare(`INSERT INTO usage VALUES (@id, @created_at, @source, @status, @requested_model, @target,
    @served_model, @finish_reason, @time_to_first_token_ms, @total_ms, @input_tokens, @cache_read_tokens, @cache_write_tokens,
    @output_tokens, @reasoning_tokens, @tokens_per_second, @cost_usd, @cost_source, @attempts, @error, @conversation_id)`);
  const matching = 'created_at >= @since AND (@source IS NULL OR source = @source)';
  const selectUsage = db.prepare<{ since: string; source: string | null; limit: number }, UsageRow>(
    `SELECT * FROM usage WHERE ${matching} ORDER BY created_at DESC, rowid DESC LIMIT @limit`,
  );
  // Unpriced = used tokens but has no price, as the renderer and the CLI count it; never summed as 0.
  const selectSpend = db.prepare<{ since: string; source: string | null }, ModelSpend>(
    `SELECT COALESCE(target, requested_model) AS model,
       COUNT(*) AS calls,
       COALESCE(SUM(input_tokens), 0) AS inputTokens,
       COALESCE(SUM(output_tokens), 0) AS outputTokens,
       COALESCE(SUM(cost_usd), 0) AS costUSD,
       COUNT(cost_usd) AS pricedCalls,
       SUM(cost_usd IS NULL AND input_tokens IS NOT NULL) AS unpricedCalls,
       SUM(status != 'ok') AS failedCalls
     FROM usage WHERE ${matching}
     GROUP BY model ORDER BY costUSD DESC, calls DESC, model`,
  );
  const insertConversation = db.prepare('INSERT INTO conversations VALUES (?, ?, ?, ?)');
  const touchConversation = db.prepare('UPDATE conversations SET updated_at = ? WHERE id = ?');
  const insertMessage = db.prepare('INSERT INTO messages VALUES (?, ?, ?, ?, ?, ?, ?, ?)');

  return {
    createConversation: guard(({ title }) => {
      const now = new Date().toISOString();
      const conversation: ConversationSummary = { id: randomUUID(), title, updatedAt: now };
      insertConversation.run(conversation.id, title, now, now);
      return conversation;
    }),
    listConversations: guard(
      () =>
        db
          .prepare('SELECT id, title, updated_at AS updatedAt FROM conversations ORDER BY updated_at DESC')
          .all() as ConversationSummary[],
    ),
    // Messages go with it (ON DELETE CASCADE).
    removeConversation: guard(
      (conversationId) => db.prepare('DELETE FROM conversations WHERE id = ?').run(conversationId).changes > 0,
    ),
    addMessage: guard((input) => {
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
    listMessages: guard(
      (conversationId) =>
        db
          .prepare(
            'SELECT id, role, content, model, status, created_at AS createdAt FROM messages WHERE conversation_id = ? ORDER BY created_at, rowid',
          )
          .all(conversationId) as StoredMessage[],
    ),
    recordUsage: guard((record) => {
      insertUsage.run(toUsageRow(record));
    }),
    listUsage: guard((query = {}) =>
      selectUsage
        .all({ since: query.since ?? '', source: query.source ?? null, limit: query.limit ?? 200 })
        .map(fromUsageRow),
    ),
    spendByModel: guard((query = {}) => selectSpend.all({ since: query.since ?? '', source: query.source ?? null })),
    getCachedAnswer: guard((key, now) =>
      db
        .prepare<[string, string], CachedAnswer>(
          'SELECT target, served_model AS servedModel, finish_reason AS finishReason, text FROM response_cache WHERE key = ? AND expires_at > ?',
        )
        .get(key, now),
    ),
    putCachedAnswer: guard((key, answer, now, expiresAt) => {
      db.transaction(() => {
        db.prepare('DELETE FROM response_cache WHERE expires_at <= ?').run(now);
        db.prepare('INSERT OR REPLACE INTO response_cache VALUES (?, ?, ?, ?, ?, ?, ?)').run(
          key,
          answer.target,
          answer.servedModel,
          answer.finishReason,
          answer.text,
          now,
          expiresAt,
        );
      })();
    }),
    close: () => db.close(),
  };
}
