import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config-file';
import { openStore } from '../store/open-store';
import { startOrExplain, type StartupEffects } from './startup-failure';

let home: string;

/** The dialog, log and exit the app would use, kept to be read. */
function recordingEffects() {
  const seen = { dialogs: [] as { title: string; message: string }[], logs: [] as string[], exitCodes: [] as number[] };
  const effects: StartupEffects = {
    showError: (title, message) => seen.dialogs.push({ title, message }),
    log: (line) => seen.logs.push(line),
    exit: (code) => seen.exitCodes.push(code),
  };
  return { seen, effects };
}

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'switchboard-startup-'));
});
afterAll(() => rm(home, { recursive: true, force: true }));

describe('a startup that fails', () => {
  it('shows a damaged history with its fix, logs it and quits', async () => {
    const dataDir = join(home, 'damaged');
    await mkdir(dataDir);
    await writeFile(join(dataDir, 'switchboard.db'), 'this is not a database, it is a note '.repeat(200));
    const { seen, effects } = recordingEffects();
    expect(await startOrExplain(() => void openStore(dataDir), dataDir, effects)).toBe(false);
    expect(seen.dialogs).toHaveLength(1);
    expect(seen.dialogs[0]!.title).toBe('Switchboard could not start');
    expect(seen.dialogs[0]!.message).toContain(join(dataDir, 'switchboard.db'));
    expect(seen.dialogs[0]!.message).toContain('move it aside');
    expect(seen.dialogs[0]!.message).toContain(`Data folder: ${dataDir}`);
    expect(seen.logs.join('\n')).toContain('move it aside');
    expect(seen.exitCodes).toEqual([1]);
  });

  it('says a data folder that cannot be written must be made writable or moved with SWITCHBOARD_HOME', async () => {
    // sysfs refuses new folders even to root, so this holds whoever runs the tests.
    const dataDir = '/sys/switchboard-startup-test';
    expect(existsSync('/sys/kernel'), 'this test needs Linux sysfs at /sys').toBe(true);
    const { seen, effects } = recordingEffects();
    expect(await startOrExplain(() => void openStore(dataDir), dataDir, effects)).toBe(false);
    expect(seen.dialogs[0]!.message).toMatch(/cannot write to its data folder \((EPERM|EACCES|EROFS)\)/);
    expect(seen.dialogs[0]!.message).toContain('SWITCHBOARD_HOME');
    expect(seen.exitCodes).toEqual([1]);
  });

  it('says a file in the way of the data folder must be moved', async () => {
    const blocker = join(home, 'a-file');
    await writeFile(blocker, '');
    const dataDir = join(blocker, 'Switchboard');
    const { seen, effects } = recordingEffects();
    await startOrExplain(() => void openStore(dataDir), dataDir, effects);
    expect(seen.dialogs[0]!.message).toContain('a file stands where the folder');
    expect(seen.dialogs[0]!.message).toContain(`Data folder: ${dataDir}`);
  });

  it('shows a broken config.json with its field and fix', async () => {
    const dataDir = join(home, 'config');
    await mkdir(dataDir);
    await writeFile(join(dataDir, 'config.json'), '{ "endpoints": [ { "id": "Work OpenAI", "kind": "openai" } ] }');
    const { seen, effects } = recordingEffects();
    await startOrExplain(() => void loadConfig(dataDir), dataDir, effects);
    expect(seen.dialogs[0]!.message).toContain('endpoints[0].id');
    expect(seen.dialogs[0]!.message).toContain('Fix the file');
  });

  it('explains an unexpected error, logs its stack and quits', async () => {
    const { seen, effects } = recordingEffects();
    await startOrExplain(
      () => Promise.reject(new TypeError('window factory broke')),
      '/home/someone/.config/Switchboard',
      effects,
    );
    expect(seen.dialogs[0]!.message).toContain('window factory broke');
    expect(seen.dialogs[0]!.message).toContain('start it from a terminal');
    expect(seen.logs.some((line) => line.includes('TypeError: window factory broke\n    at '))).toBe(true);
    expect(seen.exitCodes).toEqual([1]);
  });

  it('starts without a dialog when nothing fails', async () => {
    const { seen, effects } = recordingEffects();
    expect(await startOrExplain(() => openStore(':memory:').close(), home, effects)).toBe(true);
    expect(seen).toEqual({ dialogs: [], logs: [], exitCodes: [] });
  });
});
