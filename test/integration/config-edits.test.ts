// config.json edited from two processes and by concurrent requests in one: no acknowledged edit is lost.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCoreFromServices } from '../../electron/core/create-core';
import { createServices } from '../../electron/core/services';
import { openStore } from '../../electron/store/open-store';
import { typeScriptNodeArgs } from './cli-process';

let home: string;
beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'switchboard-config-edits-'));
});
afterEach(() => rm(home, { recursive: true, force: true }));

const readConfigFile = async () =>
  JSON.parse(await readFile(join(home, 'config.json'), 'utf8')) as {
    endpoints: { id: string }[];
    routes: Record<string, unknown>;
  };

/** Starts a child that saves `count` routes named `<prefix>-<n>` once told to go. */
async function startSaver(prefix: string, count: number) {
  const child = spawn(
    process.execPath,
    [...typeScriptNodeArgs, resolve(import.meta.dirname, 'save-routes-child.ts'), home, prefix, String(count)],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout });
  const [ready] = (await Promise.race([once(lines, 'line'), once(child, 'exit')])) as [unknown];
  expect(ready, stderr).toBe('ready');
  return {
    go: () => child.stdin.write('go\n'),
    result: async () => {
      const [line] = (await once(lines, 'line')) as [string];
      await once(child, 'exit');
      return JSON.parse(line) as { saved: string[]; refused: string[] };
    },
  };
}

describe('config.json edits', () => {
  it('keeps every acknowledged save when two processes save routes at once', async () => {
    await writeFile(join(home, 'config.json'), JSON.stringify({ endpoints: [{ id: 'shared', kind: 'openai' }] }));
    openStore(home).close();
    const count = 150;
    const savers = await Promise.all([startSaver('a', count), startSaver('b', count)]);
    for (const saver of savers) saver.go();
    const results = await Promise.all(savers.map((saver) => saver.result()));
    const routes = (await readConfigFile()).routes;
    for (const result of results) {
      expect(result.refused).toEqual([]);
      expect(result.saved).toHaveLength(count);
      expect(result.saved.filter((name) => !Object.hasOwn(routes, name))).toEqual([]);
    }
    expect(Object.keys(routes)).toHaveLength(2 * count);
  }, 60_000);

  it('loses no route and brings back no endpoint when endpoints are removed while routes are saved', async () => {
    const removable = Array.from({ length: 19 }, (_, index) => ({ id: `gone-${index}`, kind: 'openai' }));
    await writeFile(
      join(home, 'config.json'),
      JSON.stringify({ endpoints: [{ id: 'kept', kind: 'openai' }, ...removable], routes: {} }),
    );
    const core = createCoreFromServices(createServices({ dataDir: home }));
    const context = { emit: () => {} };
    try {
      const routeNames = Array.from({ length: 100 }, (_, index) => `route-${index}`);
      const saves = routeNames.map((name) => core.dispatch('routes.save', { name, targets: ['kept/m'] }, context));
      const removals = removable.map(({ id }, index) =>
        // Interleaved with the saves, as a user clicking Remove while another window saves routes.
        new Promise((settle) => setTimeout(settle, index)).then(() =>
          core.dispatch('endpoints.remove', { id }, context),
        ),
      );
      const [saved, removed] = await Promise.all([Promise.all(saves), Promise.all(removals)]);
      expect(saved.filter((result) => !result.ok)).toEqual([]);
      expect(removed.filter((result) => !result.ok)).toEqual([]);
      const config = await readConfigFile();
      expect(Object.keys(config.routes).sort()).toEqual([...routeNames].sort());
      expect(config.endpoints.map((endpoint) => endpoint.id)).toEqual(['kept']);
    } finally {
      await core.dispose();
    }
  });
});
