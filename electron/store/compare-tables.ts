import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type {
  CompareCurrent,
  CompareModelSet,
  CompareSessionSummary,
  CompareSetup,
} from '../../shared/contract/compare';

/**
 * Self-contained: new tables only, so it applies on any earlier schema and touches no existing row. A pane's
 * conversation is an ordinary conversation; while its row here is not `continued_at`, History leaves it out.
 */
export const compareMigration = `
  CREATE TABLE compare_sessions (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    setup TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX compare_sessions_by_time ON compare_sessions (updated_at);
  CREATE TABLE compare_panes (
    conversation_id TEXT PRIMARY KEY REFERENCES conversations(id) ON DELETE CASCADE,
    session_id TEXT NOT NULL REFERENCES compare_sessions(id) ON DELETE CASCADE,
    continued_at TEXT
  );
  CREATE INDEX compare_panes_by_session ON compare_panes (session_id);
  CREATE TABLE compare_model_sets (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    setup TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE compare_current (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    state TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
`;

/** SQL for "a conversation that belongs to a compare pane and was not continued in Chat". */
export const hiddenComparePanes = 'SELECT conversation_id FROM compare_panes WHERE continued_at IS NULL';

/** Compare's sessions, model sets and current setup. */
export interface CompareTables {
  /** A new session with its title and setup; answers its id. */
  createSession(title: string, setup: CompareSetup): string;
  /** Keeps the session's setup (panes with their conversations) as it is now. */
  saveSessionSetup(sessionId: string, setup: CompareSetup): boolean;
  /** Ties a conversation to a session's pane: hidden from History until continued. */
  addPane(sessionId: string, conversationId: string): void;
  hasPane(sessionId: string, conversationId: string): boolean;
  /** The pane's conversation becomes an ordinary chat; false when it is not the session's. */
  continuePane(sessionId: string, conversationId: string): boolean;
  getSession(sessionId: string): { id: string; title: string; setup: CompareSetup } | undefined;
  listSessions(limit: number): CompareSessionSummary[];
  listSets(): CompareModelSet[];
  /** Replaces a set of the same name. */
  saveSet(name: string, setup: CompareSetup): void;
  removeSet(setId: string): void;
  getCurrent(): CompareCurrent | null;
  saveCurrent(current: CompareCurrent): void;
}

const modelIdsOf = (setup: CompareSetup) => setup.panes.map((pane) => pane.modelId).filter(Boolean);

export function createCompareTables(
  db: Database.Database,
  guard: <Args extends unknown[], T>(run: (...args: Args) => T) => (...args: Args) => T,
): CompareTables {
  const insertSession = db.prepare(
    'INSERT INTO compare_sessions (id, title, setup, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
  );
  const updateSession = db.prepare('UPDATE compare_sessions SET setup = ?, updated_at = ? WHERE id = ?');
  const selectSession = db.prepare<[string], { id: string; title: string; setup: string }>(
    'SELECT id, title, setup FROM compare_sessions WHERE id = ?',
  );
  const selectSessions = db.prepare<[number], { id: string; title: string; setup: string; updated_at: string }>(
    'SELECT id, title, setup, updated_at FROM compare_sessions ORDER BY updated_at DESC, rowid DESC LIMIT ?',
  );
  const insertPane = db.prepare('INSERT OR IGNORE INTO compare_panes (conversation_id, session_id) VALUES (?, ?)');
  const selectPane = db.prepare<[string, string], { continued_at: string | null }>(
    'SELECT continued_at FROM compare_panes WHERE session_id = ? AND conversation_id = ?',
  );
  const continuePane = db.prepare(
    'UPDATE compare_panes SET continued_at = COALESCE(continued_at, ?) WHERE session_id = ? AND conversation_id = ?',
  );
  const selectSets = db.prepare<[], { id: string; name: string; setup: string; updated_at: string }>(
    'SELECT id, name, setup, updated_at FROM compare_model_sets ORDER BY name COLLATE NOCASE',
  );
  const upsertSet = db.prepare(
    `INSERT INTO compare_model_sets (id, name, setup, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET setup = excluded.setup, updated_at = excluded.updated_at`,
  );
  const deleteSet = db.prepare('DELETE FROM compare_model_sets WHERE id = ?');
  const selectCurrent = db.prepare<[], { state: string }>('SELECT state FROM compare_current WHERE id = 1');
  const upsertCurrent = db.prepare(
    `INSERT INTO compare_current (id, state, updated_at) VALUES (1, ?, ?)
     ON CONFLICT (id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
  );
  const now = () => new Date().toISOString();

  return {
    createSession: guard((title: string, setup: CompareSetup) => {
      const id = randomUUID();
      const at = now();
      insertSession.run(id, title, JSON.stringify(setup), at, at);
      return id;
    }),
    saveSessionSetup: guard(
      (sessionId: string, setup: CompareSetup) =>
        updateSession.run(JSON.stringify(setup), now(), sessionId).changes > 0,
    ),
    addPane: guard((sessionId: string, conversationId: string) => {
      insertPane.run(conversationId, sessionId);
    }),
    hasPane: guard(
      (sessionId: string, conversationId: string) => selectPane.get(sessionId, conversationId) !== undefined,
    ),
    continuePane: guard(
      (sessionId: string, conversationId: string) => continuePane.run(now(), sessionId, conversationId).changes > 0,
    ),
    getSession: guard((sessionId: string) => {
      const row = selectSession.get(sessionId);
      return row ? { id: row.id, title: row.title, setup: JSON.parse(row.setup) as CompareSetup } : undefined;
    }),
    listSessions: guard((limit: number) =>
      selectSessions.all(limit).map((row) => ({
        id: row.id,
        title: row.title,
        updatedAt: row.updated_at,
        modelIds: modelIdsOf(JSON.parse(row.setup) as CompareSetup),
      })),
    ),
    listSets: guard(() =>
      selectSets.all().map((row) => ({
        id: row.id,
        name: row.name,
        setup: JSON.parse(row.setup) as CompareSetup,
        updatedAt: row.updated_at,
      })),
    ),
    saveSet: guard((name: string, setup: CompareSetup) => {
      upsertSet.run(randomUUID(), name, JSON.stringify(setup), now());
    }),
    removeSet: guard((setId: string) => {
      deleteSet.run(setId);
    }),
    getCurrent: guard(() => {
      const row = selectCurrent.get();
      return row ? (JSON.parse(row.state) as CompareCurrent) : null;
    }),
    saveCurrent: guard((current: CompareCurrent) => {
      upsertCurrent.run(JSON.stringify(current), now());
    }),
  };
}
