import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from './config-file';
import { removeEndpoint, upsertEndpoint, upsertRoute } from './edit-config';
import { editConfigFile } from './edit-config-file';

let dir: string;
let file: string;
let lock: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'switchboard-edit-'));
  file = join(dir, 'config.json');
  lock = `${file}.lock`;
  writeFileSync(file, JSON.stringify({ endpoints: [{ id: 'a', kind: 'openai' }], routes: {} }));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The pid of a process that has ended. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

const lockText = (pid: number, token = 'someone-else') =>
  JSON.stringify({ pid, host: hostname(), token, at: new Date().toISOString() });

describe('editing config.json', () => {
  it('makes the change again on top of a hand edit saved between its read and its write', async () => {
    let isFirstRound = true;
    const saved = await editConfigFile(dir, (config) => {
      if (isFirstRound) {
        isFirstRound = false;
        // The user saves the file in an editor while Switchboard is making its change.
        writeFileSync(
          file,
          JSON.stringify({
            endpoints: [
              { id: 'a', kind: 'openai' },
              { id: 'by-hand', kind: 'anthropic' },
            ],
          }),
        );
      }
      return upsertRoute(config, 'fast', { targets: ['a/m'] });
    });
    expect(saved.endpoints.map((endpoint) => endpoint.id)).toEqual(['a', 'by-hand']);
    expect(loadConfig(dir)).toEqual(saved);
    expect(Object.keys(loadConfig(dir).routes)).toEqual(['fast']);
  });

  it('refuses an edit that no longer applies, naming the field, and changes nothing', async () => {
    const before = readFileSync(file, 'utf8');
    await expect(editConfigFile(dir, (config) => upsertRoute(config, 'r', { targets: ['gone/m'] }))).rejects.toThrow(
      /This change was not saved:\n {2}routes\.r\.targets\[0\]: "gone\/m" names endpoint "gone", which is not in "endpoints" \(known: a\)/,
    );
    await expect(editConfigFile(dir, (config) => removeEndpoint(config, 'gone'))).rejects.toThrow(
      /There is no endpoint "gone"/,
    );
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(existsSync(lock)).toBe(false);
  });

  it('runs edits started together one after another, each on the result of the last', async () => {
    const names = Array.from({ length: 40 }, (_, index) => `r${index}`);
    await Promise.all(
      names.map((name) => editConfigFile(dir, (config) => upsertRoute(config, name, { targets: ['a/m'] }))),
    );
    expect(Object.keys(loadConfig(dir).routes).sort()).toEqual([...names].sort());
  });

  it('creates config.json in a data folder that does not exist yet', async () => {
    const fresh = join(dir, 'new', 'home');
    await editConfigFile(fresh, (config) => upsertEndpoint(config, { id: 'b', kind: 'google' }));
    expect(loadConfig(fresh).endpoints).toEqual([{ id: 'b', kind: 'google' }]);
  });

  it('waits for a lock held by a live process and then says who holds it, changing nothing', async () => {
    // This test's parent process is alive and holds the lock, as another Switchboard would.
    const held = lockText(process.ppid);
    writeFileSync(lock, held);
    const before = readFileSync(file, 'utf8');
    await expect(
      editConfigFile(dir, (config) => upsertEndpoint(config, { id: 'b', kind: 'google' }), {
        timeoutMs: 100,
        retryMs: 5,
      }),
    ).rejects.toThrow(
      new RegExp(`config\\.json\\.lock has been held by process ${process.ppid} .*nothing was changed`),
    );
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(readFileSync(lock, 'utf8')).toBe(held);
  });

  it('saves once a live holder lets go', async () => {
    writeFileSync(lock, lockText(process.ppid));
    setTimeout(() => rmSync(lock), 50);
    await editConfigFile(dir, (config) => upsertEndpoint(config, { id: 'b', kind: 'google' }), { retryMs: 5 });
    expect(loadConfig(dir).endpoints.map((endpoint) => endpoint.id)).toEqual(['a', 'b']);
  });

  it('breaks a lock left by a process that has ended', async () => {
    writeFileSync(lock, lockText(deadPid()));
    await editConfigFile(dir, (config) => upsertEndpoint(config, { id: 'b', kind: 'google' }), { timeoutMs: 100 });
    expect(loadConfig(dir).endpoints.map((endpoint) => endpoint.id)).toEqual(['a', 'b']);
    expect(existsSync(lock)).toBe(false);
  });

  it('breaks a lock older than the stale age, and one left by an earlier process with this pid', async () => {
    writeFileSync(lock, 'half-written');
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    await editConfigFile(dir, (config) => upsertEndpoint(config, { id: 'b', kind: 'google' }), {
      timeoutMs: 100,
      staleMs: 30_000,
    });
    writeFileSync(lock, lockText(process.pid, 'from-a-process-before-a-restart'));
    await editConfigFile(dir, (config) => upsertEndpoint(config, { id: 'c', kind: 'google' }), { timeoutMs: 100 });
    expect(loadConfig(dir).endpoints.map((endpoint) => endpoint.id)).toEqual(['a', 'b', 'c']);
  });

  it('keeps a fresh lock whose content is still being written', async () => {
    writeFileSync(lock, '');
    await expect(editConfigFile(dir, (config) => config, { timeoutMs: 50, staleMs: 30_000 })).rejects.toThrow(
      /held by another process/,
    );
    expect(existsSync(lock)).toBe(true);
  });
});
