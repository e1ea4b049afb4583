import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { typeScriptNodeArgs } from '../../test/integration/cli-process';
import { openStore } from './open-store';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'switchboard-history-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('a history file Switchboard did not write, or a newer one did', () => {
  const file = () => join(dir, 'switchboard.db');
  /** A history as a newer Switchboard leaves it: schema above ours, naming the release it needs. */
  function writeNewerHistory(release?: string) {
    openStore(dir).close();
    const db = new Database(file());
    if (release) db.prepare('INSERT INTO schema_releases (version, release) VALUES (?, ?)').run(99, release);
    db.pragma('user_version = 99');
    db.close();
    return readFileSync(file());
  }

  it('refuses a history written by a newer Switchboard, names the release it needs, and changes nothing', () => {
    const bytes = writeNewerHistory('9.4.0');
    expect(() => openStore(dir)).toThrow(
      /switchboard\.db was written by Switchboard 9\.4\.0 or later \(schema 99; this Switchboard reads up to schema \d+\)\. Update Switchboard to 9\.4\.0 or later to open it; nothing in the file was changed\./,
    );
    expect(readFileSync(file()).equals(bytes)).toBe(true);
    const db = new Database(file(), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(99);
    db.close();
  });

  it('says a newer Switchboard wrote it when the file does not name the release', () => {
    writeNewerHistory();
    expect(() => openStore(dir)).toThrow(/was written by a newer Switchboard .*nothing in the file was changed/);
  });

  it("refuses another program's SQLite database and leaves it exactly as it was", () => {
    const other = new Database(file());
    other.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('mine')");
    other.pragma('user_version = 7');
    other.close();
    const bytes = readFileSync(file());
    expect(() => openStore(dir)).toThrow(
      /switchboard\.db is not a Switchboard history: it is another program's SQLite database \(application id 0, schema 7\), so Switchboard left it untouched\. Move it elsewhere, or set SWITCHBOARD_HOME/,
    );
    expect(readFileSync(file()).equals(bytes)).toBe(true);
    expect(existsSync(`${file()}-wal`)).toBe(false);
  });

  it('refuses an empty database that another program has marked as its own', () => {
    const other = new Database(file());
    other.pragma('application_id = 1');
    other.close();
    const bytes = readFileSync(file());
    expect(() => openStore(dir)).toThrow(/not a Switchboard history: .*application id 1, schema 0/);
    expect(readFileSync(file()).equals(bytes)).toBe(true);
  });

  it('refuses an unmarked database that has tables of its own even at schema 0', () => {
    const other = new Database(file());
    other.exec('CREATE TABLE usage (x)');
    other.close();
    expect(() => openStore(dir)).toThrow(/not a Switchboard history/);
  });

  it('opens a new history from two processes at once', async () => {
    const script = `import { openStore } from ${JSON.stringify(join(import.meta.dirname, 'open-store.ts'))};
    openStore(process.argv[1]).close();`;
    const children = [0, 1].map(() =>
      spawn(process.execPath, [...typeScriptNodeArgs, '--input-type=module', '-e', script, dir], {
        stdio: ['ignore', 'ignore', 'pipe'],
      }),
    );
    const outcomes = await Promise.all(
      children.map(async (child) => {
        let stderr = '';
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
        const [code] = (await once(child, 'exit')) as [number];
        return { code, stderr };
      }),
    );
    expect(outcomes).toEqual([
      { code: 0, stderr: '' },
      { code: 0, stderr: '' },
    ]);
    const store = openStore(dir);
    expect(store.listUsage()).toEqual([]);
    store.close();
  });
});
