import type Database from 'better-sqlite3';
import { SwitchboardError } from '../../shared/errors/codes';
import { migrations } from './migrations';

/**
 * `PRAGMA application_id` of Switchboard's history files: 0x53774264, "SwBd" in ASCII. Set on every file
 * Switchboard creates or recognises; `file(1)` and SQLite tools show it.
 */
export const switchboardApplicationId = 0x53774264;

/** The tables of the first schema: a file with them and a schema version is a Switchboard history from before the mark. */
const firstTables = ['conversations', 'messages', 'usage'];

function tablesOf(db: Database.Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
    (row) => row.name,
  );
}

/** The release a newer history says it needs, when it says so. */
function releaseNeeded(db: Database.Database, version: number): string | undefined {
  try {
    const row = db.prepare('SELECT release FROM schema_releases WHERE version = ?').get(version) as
      { release: string } | undefined;
    return row?.release;
  } catch {
    return undefined;
  }
}

function tooNew(db: Database.Database, file: string, version: number): SwitchboardError {
  const release = releaseNeeded(db, version);
  const needed = release ? `Switchboard ${release} or later` : 'a newer Switchboard';
  return new SwitchboardError(
    'STORAGE',
    `The history database ${file} was written by ${needed} (schema ${version}; this Switchboard reads up to schema ${migrations.length}). Update Switchboard to ${release ? `${release} or later` : 'the newest release'} to open it; nothing in the file was changed.`,
  );
}

/**
 * What the file is, read without writing anything: a new (empty) file, a Switchboard history (marked,
 * or from before the mark), or a refusal for another program's database or a newer Switchboard's history.
 */
export function checkHistoryFile(db: Database.Database, file: string): void {
  const applicationId = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  const isOurs =
    applicationId === switchboardApplicationId ||
    (applicationId === 0 && version === 0 && tablesOf(db).length === 0) ||
    (applicationId === 0 && version > 0 && firstTables.every((table) => tablesOf(db).includes(table)));
  if (!isOurs) {
    throw new SwitchboardError(
      'STORAGE',
      `${file} is not a Switchboard history: it is another program's SQLite database (application id ${applicationId}, schema ${version}), so Switchboard left it untouched. Move it elsewhere, or set SWITCHBOARD_HOME to another folder.`,
    );
  }
  if (version > migrations.length) throw tooNew(db, file, version);
}

/**
 * Brings the schema up to date and marks the file, in one transaction that holds the write lock, so two
 * processes opening a new history at once migrate it once.
 */
export function migrateHistoryFile(db: Database.Database, file: string): void {
  db.transaction(() => {
    // Read again under the lock: another process may have migrated it meanwhile.
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > migrations.length) throw tooNew(db, file, version);
    if (version < migrations.length) {
      migrations.slice(version).forEach((migration) => db.exec(migration.sql));
      const record = db.prepare('INSERT OR REPLACE INTO schema_releases (version, release) VALUES (?, ?)');
      migrations.forEach((migration, index) => record.run(index + 1, migration.release));
      db.pragma(`user_version = ${migrations.length}`);
    }
    if ((db.pragma('application_id', { simple: true }) as number) !== switchboardApplicationId) {
      db.pragma(`application_id = ${switchboardApplicationId}`);
    }
  }).immediate();
}
