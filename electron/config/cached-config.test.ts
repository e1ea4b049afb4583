import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createConfigReader } from './cached-config';
import { editConfigFile } from './edit-config-file';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function dataDir() {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-cached-config-'));
  dirs.push(dir);
  return dir;
}
const endpoint = (id: string) => ({ id, kind: 'openai-compatible' as const, baseURL: 'http://127.0.0.1:9/v1' });

describe('the parsed config, kept until the file changes', () => {
  it('returns the same parsed copy while config.json is unchanged', () => {
    const dir = dataDir();
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ endpoints: [endpoint('a')], routes: {} }));
    const reader = createConfigReader(dir);
    const first = reader.read();
    expect(first.endpoints.map((entry) => entry.id)).toEqual(['a']);
    expect(reader.read()).toBe(first);
    expect(Object.isFrozen(first.endpoints[0])).toBe(true);
  });

  it('sees a hand edit on the next read, even one of the same size and time stamp', () => {
    const dir = dataDir();
    const file = join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({ endpoints: [endpoint('a')], routes: {} }));
    const reader = createConfigReader(dir);
    expect(reader.read().endpoints[0]!.id).toBe('a');
    writeFileSync(file, JSON.stringify({ endpoints: [endpoint('b')], routes: {} }));
    // An editor that keeps the modification time: the change time still moves.
    utimesSync(file, new Date(2020, 0, 1), new Date(2020, 0, 1));
    expect(reader.read().endpoints[0]!.id).toBe('b');
  });

  it('sees an edit through editConfigFile, a removed file, and reports a broken file on every read', async () => {
    const dir = dataDir();
    const file = join(dir, 'config.json');
    const reader = createConfigReader(dir);
    expect(reader.read()).toEqual({ endpoints: [], routes: {} });
    await editConfigFile(dir, (config) => ({ ...config, endpoints: [endpoint('c')] }));
    expect(reader.read().endpoints[0]!.id).toBe('c');
    writeFileSync(file, '{ "endpoints": [');
    expect(() => reader.read()).toThrow(/config\.json is not valid JSON/);
    expect(() => reader.read()).toThrow(/config\.json is not valid JSON/);
    rmSync(file);
    expect(reader.read()).toEqual({ endpoints: [], routes: {} });
  });
});
