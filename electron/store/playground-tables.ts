import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type {
  PlaygroundCase,
  PlaygroundCell,
  PlaygroundRun,
  PromptDraft,
  PromptSummary,
  PromptVersion,
  RunSummary,
  SavedPrompt,
} from '../../shared/contract/playground';

/** Self-contained: new tables only, so it applies on any earlier schema and touches no existing row. */
export const playgroundMigration = `
  CREATE TABLE playground_prompts (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    cases TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE TABLE playground_versions (
    id TEXT PRIMARY KEY,
    prompt_id TEXT NOT NULL REFERENCES playground_prompts(id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    note TEXT NOT NULL,
    draft TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (prompt_id, number)
  );
  CREATE TABLE playground_runs (
    id TEXT PRIMARY KEY,
    prompt_id TEXT NOT NULL REFERENCES playground_prompts(id) ON DELETE CASCADE,
    version_id TEXT NOT NULL REFERENCES playground_versions(id) ON DELETE CASCADE,
    version_number INTEGER NOT NULL,
    draft TEXT NOT NULL,
    cases TEXT NOT NULL,
    concurrency INTEGER NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX playground_runs_by_prompt ON playground_runs (prompt_id, created_at);
  CREATE TABLE playground_cells (
    run_id TEXT NOT NULL REFERENCES playground_runs(id) ON DELETE CASCADE,
    case_id TEXT NOT NULL,
    model_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    cell TEXT NOT NULL,
    PRIMARY KEY (run_id, case_id, model_id)
  );
`;

/** The Playground's saved prompts and runs. */
export interface PlaygroundTables {
  listPrompts(): PromptSummary[];
  getPrompt(promptId: string): SavedPrompt | undefined;
  /** A new version of the prompt (made when `promptId` is absent), with the cases as they are now. */
  savePrompt(input: {
    promptId?: string;
    name: string;
    note: string;
    draft: PromptDraft;
    cases: PlaygroundCase[];
  }): SavedPrompt | undefined;
  getVersion(versionId: string): PromptVersion | undefined;
  /** Keeps a run with its version, parameters, models and cases, and its cells as they start. */
  createRun(run: PlaygroundRun): void;
  putCell(runId: string, cell: PlaygroundCell): void;
  getRun(runId: string): PlaygroundRun | undefined;
  listRuns(promptId: string): RunSummary[];
}

interface VersionRow {
  id: string;
  prompt_id: string;
  number: number;
  note: string;
  draft: string;
  created_at: string;
}

function toVersion(row: VersionRow): PromptVersion {
  return {
    ...(JSON.parse(row.draft) as PromptDraft),
    id: row.id,
    promptId: row.prompt_id,
    number: row.number,
    note: row.note,
    createdAt: row.created_at,
  };
}

export function createPlaygroundTables(
  db: Database.Database,
  guard: <Args extends unknown[], T>(run: (...args: Args) => T) => (...args: Args) => T,
): PlaygroundTables {
  const selectPrompt = db.prepare<[string], { id: string; name: string; cases: string }>(
    'SELECT id, name, cases FROM playground_prompts WHERE id = ?',
  );
  const selectVersions = db.prepare<[string], VersionRow>(
    'SELECT * FROM playground_versions WHERE prompt_id = ? ORDER BY number',
  );
  const selectVersion = db.prepare<[string], VersionRow>('SELECT * FROM playground_versions WHERE id = ?');
  const insertPrompt = db.prepare(
    'INSERT INTO playground_prompts (id, name, cases, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
  );
  const updatePrompt = db.prepare('UPDATE playground_prompts SET name = ?, cases = ?, updated_at = ? WHERE id = ?');
  const insertVersion = db.prepare(
    `INSERT INTO playground_versions (id, prompt_id, number, note, draft, created_at)
     VALUES (?, ?, (SELECT COALESCE(MAX(number), 0) + 1 FROM playground_versions WHERE prompt_id = ?), ?, ?, ?)`,
  );
  const insertRun = db.prepare(
    `INSERT INTO playground_runs (id, prompt_id, version_id, version_number, draft, cases, concurrency, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const upsertCell = db.prepare(
    `INSERT INTO playground_cells (run_id, case_id, model_id, position, cell) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (run_id, case_id, model_id) DO UPDATE SET cell = excluded.cell`,
  );

  const getPrompt = (promptId: string): SavedPrompt | undefined => {
    const row = selectPrompt.get(promptId);
    if (!row) return undefined;
    return {
      id: row.id,
      name: row.name,
      cases: JSON.parse(row.cases) as PlaygroundCase[],
      versions: selectVersions.all(promptId).map(toVersion),
    };
  };

  return {
    listPrompts: guard(
      () =>
        db
          .prepare(
            `SELECT p.id, p.name, p.updated_at AS updatedAt,
               (SELECT COUNT(*) FROM playground_versions v WHERE v.prompt_id = p.id) AS versionCount
             FROM playground_prompts p ORDER BY p.updated_at DESC`,
          )
          .all() as PromptSummary[],
    ),
    getPrompt: guard(getPrompt),
    savePrompt: guard(({ promptId, name, note, draft, cases }) => {
      const now = new Date().toISOString();
      const id = promptId ?? randomUUID();
      const saved = db.transaction(() => {
        if (promptId) {
          if (updatePrompt.run(name, JSON.stringify(cases), now, promptId).changes === 0) return false;
        } else insertPrompt.run(id, name, JSON.stringify(cases), now, now);
        insertVersion.run(randomUUID(), id, id, note, JSON.stringify(draft), now);
        return true;
      })();
      return saved ? getPrompt(id) : undefined;
    }),
    getVersion: guard((versionId: string) => {
      const row = selectVersion.get(versionId);
      return row ? toVersion(row) : undefined;
    }),
    createRun: guard((run: PlaygroundRun) => {
      db.transaction(() => {
        insertRun.run(
          run.id,
          run.promptId,
          run.versionId,
          run.versionNumber,
          JSON.stringify(run.version),
          JSON.stringify(run.cases),
          run.concurrency,
          run.createdAt,
        );
        run.cells.forEach((cell, position) =>
          upsertCell.run(run.id, cell.caseId, cell.modelId, position, JSON.stringify(cell)),
        );
      })();
    }),
    putCell: guard((runId: string, cell: PlaygroundCell) => {
      upsertCell.run(runId, cell.caseId, cell.modelId, 0, JSON.stringify(cell));
    }),
    getRun: guard((runId: string) => {
      const row = db
        .prepare<
          [string],
          {
            id: string;
            prompt_id: string;
            version_id: string;
            version_number: number;
            draft: string;
            cases: string;
            concurrency: number;
            created_at: string;
          }
        >('SELECT * FROM playground_runs WHERE id = ?')
        .get(runId);
      if (!row) return undefined;
      const cells = db
        .prepare<[string], { cell: string }>(
          'SELECT cell FROM playground_cells WHERE run_id = ? ORDER BY position, rowid',
        )
        .all(runId)
        .map((cellRow) => JSON.parse(cellRow.cell) as PlaygroundCell);
      return {
        id: row.id,
        promptId: row.prompt_id,
        versionId: row.version_id,
        versionNumber: row.version_number,
        createdAt: row.created_at,
        version: JSON.parse(row.draft) as PromptDraft,
        cases: JSON.parse(row.cases) as PlaygroundCase[],
        concurrency: row.concurrency,
        cells,
      };
    }),
    listRuns: guard(
      (promptId: string) =>
        db
          .prepare(
            `SELECT r.id, r.created_at AS createdAt, r.version_number AS versionNumber,
               json_array_length(json_extract(r.draft, '$.modelIds')) AS modelCount,
               json_array_length(r.cases) AS caseCount
             FROM playground_runs r WHERE r.prompt_id = ? ORDER BY r.created_at DESC, r.rowid DESC`,
          )
          .all(promptId) as RunSummary[],
    ),
  };
}
