import { compareMigration } from './compare-tables';
import { compareVotesMigration } from './compare-votes';
import { playgroundMigration } from './playground-tables';
import { usageRollupMigration } from './usage-rollup';
import { usageCoarseRollupMigration } from './usage-rollup-coarse';

/** One step of the history's schema. */
export interface Migration {
  /**
   * The first Switchboard release with this schema. Kept in the file (`schema_releases`), so an older
   * Switchboard that finds a newer history can say which release opens it.
   */
  release: string;
  sql: string;
}

/** Schema versions, applied in order; `PRAGMA user_version` records how many ran. */
export const migrations: Migration[] = [
  {
    release: '0.1.0',
    sql: `
  CREATE TABLE conversations (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE messages (
    id TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('system', 'user', 'assistant')),
    content TEXT NOT NULL,
    model TEXT,
    status TEXT,
    usage_id TEXT,
    created_at TEXT NOT NULL
  );
  CREATE INDEX messages_by_conversation ON messages (conversation_id, created_at);
  CREATE TABLE usage (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('app', 'api')),
    status TEXT NOT NULL CHECK (status IN ('ok', 'error', 'cancelled', 'interrupted')),
    requested_model TEXT NOT NULL,
    target TEXT,
    served_model TEXT,
    finish_reason TEXT,
    time_to_first_token_ms REAL,
    total_ms REAL NOT NULL,
    input_tokens INTEGER,
    cache_read_tokens INTEGER,
    cache_write_tokens INTEGER,
    output_tokens INTEGER,
    reasoning_tokens INTEGER,
    tokens_per_second REAL,
    cost_usd REAL,
    cost_source TEXT NOT NULL,
    attempts TEXT NOT NULL,
    error TEXT,
    conversation_id TEXT
  );
  CREATE INDEX usage_by_time ON usage (created_at);
  `,
  },
  // 2: answers kept by routes with a cache, for replay until they expire.
  {
    release: '0.1.0',
    sql: `
  CREATE TABLE response_cache (
    key TEXT PRIMARY KEY,
    target TEXT NOT NULL,
    served_model TEXT,
    finish_reason TEXT,
    text TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
  );
  CREATE INDEX response_cache_by_expiry ON response_cache (expires_at);
  `,
  },
  // 3: which release each schema version needs, read by older releases that meet a newer file.
  {
    release: '0.1.0',
    sql: `
  CREATE TABLE schema_releases (
    version INTEGER PRIMARY KEY,
    release TEXT NOT NULL
  );
  `,
  },
  // 4: each endpoint's model list as last fetched from its API (models as JSON), for the pickers.
  {
    release: '0.1.0',
    sql: `
  CREATE TABLE model_lists (
    endpoint_id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    base_url TEXT,
    fetched_at TEXT NOT NULL,
    models TEXT NOT NULL
  );
  `,
  },
  // 5: which protocol a local API call spoke and how it was served (pass-through, translated, cache).
  {
    release: '0.1.0',
    sql: `
  ALTER TABLE usage ADD COLUMN api_protocol TEXT;
  ALTER TABLE usage ADD COLUMN api_path TEXT;
  `,
  },
  // 6: filtered, paged usage (derived columns and their indexes), what a replay saved, and the daily roll-up.
  {
    release: '0.1.0',
    sql: `
  ALTER TABLE response_cache ADD COLUMN cost_usd REAL;
  ${usageRollupMigration}`,
  },
  // 7: why each call went where it did: the route's strategy and its targets in order with why (JSON).
  {
    release: '0.1.0',
    sql: `
  ALTER TABLE usage ADD COLUMN route_decision TEXT;
  `,
  },
  // 8: the chat loop. Messages form a tree (edits and regenerations are versions beside each other); each
  // conversation keeps its model, settings, pin and a soft delete; files attached to questions; and full-text
  // search over every message. Every existing conversation becomes one branch: each message follows the one
  // written before it.
  {
    release: '0.1.0',
    sql: `
  ALTER TABLE conversations ADD COLUMN model_id TEXT;
  ALTER TABLE conversations ADD COLUMN settings TEXT NOT NULL DEFAULT '{}';
  ALTER TABLE conversations ADD COLUMN pinned_at TEXT;
  ALTER TABLE conversations ADD COLUMN deleted_at TEXT;
  ALTER TABLE messages ADD COLUMN parent_id TEXT REFERENCES messages(id) ON DELETE CASCADE;
  ALTER TABLE messages ADD COLUMN active_rank INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE messages ADD COLUMN imported_usage TEXT;
  UPDATE messages SET parent_id = (
    SELECT previous.id FROM messages AS previous
    WHERE previous.conversation_id = messages.conversation_id
      AND (previous.created_at < messages.created_at
        OR (previous.created_at = messages.created_at AND previous.rowid < messages.rowid))
    ORDER BY previous.created_at DESC, previous.rowid DESC
    LIMIT 1
  );
  CREATE INDEX messages_by_parent ON messages (parent_id);
  CREATE TABLE attachments (
    id TEXT PRIMARY KEY,
    message_id TEXT NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('image', 'text')),
    name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    data BLOB NOT NULL
  );
  CREATE INDEX attachments_by_message ON attachments (message_id, position);
  CREATE VIRTUAL TABLE messages_fts USING fts5(
    content, content = 'messages', content_rowid = 'rowid', tokenize = 'unicode61 remove_diacritics 2'
  );
  INSERT INTO messages_fts (messages_fts) VALUES ('rebuild');
  CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
    INSERT INTO messages_fts (rowid, content) VALUES (new.rowid, new.content);
  END;
  CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, content) VALUES ('delete', old.rowid, old.content);
  END;
  CREATE TRIGGER messages_fts_update AFTER UPDATE OF content ON messages BEGIN
    INSERT INTO messages_fts (messages_fts, rowid, content) VALUES ('delete', old.rowid, old.content);
    INSERT INTO messages_fts (rowid, content) VALUES (new.rowid, new.content);
  END;
  `,
  },
  // 9: the Playground's prompts, their versions and cases, and runs with every cell.
  { release: '0.1.0', sql: playgroundMigration },
  // 10: Compare's sessions (each pane an ordinary conversation, hidden from History until continued), model sets
  // and the setup being edited.
  { release: '0.1.0', sql: compareMigration },
  // 11: Compare's blind votes (models in the order shown, the winner or a tie, the conversation), for the leaderboard.
  { release: '0.1.0', sql: compareVotesMigration },
  // 12: narrower usage roll-ups (by day and model; first-token times by month), so a year's report reads few rows.
  { release: '0.1.0', sql: usageCoarseRollupMigration },
];
