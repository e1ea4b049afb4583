// Settings' strategy editor: `routes.setStrategy` changes a route's strategy and weights in config.json on the
// route as the file has it then, and refuses bad weights beside the field that holds them.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCoreFromServices } from '../../electron/core/create-core';
import { createServices } from '../../electron/core/services';
import type { Core } from '../../electron/core/types';

let home: string;
let core: Core;
const context = { emit: () => {} };
const endpoints = ['a', 'b', 'c'].map((id) => ({ id, kind: 'openai' }));

const writeConfig = (routes: Record<string, unknown>) =>
  writeFile(join(home, 'config.json'), JSON.stringify({ endpoints, routes }));
const fileRoutes = async () =>
  (JSON.parse(await readFile(join(home, 'config.json'), 'utf8')) as { routes: Record<string, unknown> }).routes;

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'switchboard-route-strategy-'));
  await writeConfig({ duo: { targets: ['a/m', 'b/m'], cache: { ttlSeconds: 60 } } });
  core = createCoreFromServices(createServices({ dataDir: home }));
});
afterEach(async () => {
  await core.dispose();
  await rm(home, { recursive: true, force: true });
});

describe('routes.setStrategy', () => {
  it('sets the strategy and weights on the route as the file has it now, keeping a target added by hand', async () => {
    expect((await core.dispatch('routes.list', {}, context)).ok).toBe(true);
    // A hand edit after Settings read the routes: a third target.
    await writeConfig({ duo: { targets: ['a/m', 'b/m', 'c/m'], cache: { ttlSeconds: 60 } } });
    const weights = { 'a/m': 3, 'b/m': 1, 'c/m': 0 };
    const result = await core.dispatch('routes.setStrategy', { name: 'duo', strategy: 'weighted', weights }, context);
    expect(result.ok).toBe(true);
    expect((await fileRoutes()).duo).toEqual({
      targets: ['a/m', 'b/m', 'c/m'],
      cache: { ttlSeconds: 60 },
      strategy: 'weighted',
      weights,
    });

    // Back to the default: nothing of the strategy is left in the file.
    expect((await core.dispatch('routes.setStrategy', { name: 'duo', strategy: 'ordered' }, context)).ok).toBe(true);
    expect((await fileRoutes()).duo).toEqual({ targets: ['a/m', 'b/m', 'c/m'], cache: { ttlSeconds: 60 } });
    expect((await core.dispatch('routes.setStrategy', { name: 'duo', strategy: 'fastest' }, context)).ok).toBe(true);
    expect((await fileRoutes()).duo).toMatchObject({ strategy: 'fastest' });
  });

  it('refuses bad weights by field and leaves the file as it was', async () => {
    const before = await fileRoutes();
    const refusal = async (weights: Record<string, number>) => {
      const result = await core.dispatch('routes.setStrategy', { name: 'duo', strategy: 'weighted', weights }, context);
      if (result.ok) throw new Error('saved');
      return result.error.fields;
    };
    expect(await refusal({ 'a/m': -1, 'b/m': 1 })).toEqual([
      { field: 'weights.a/m', message: 'a weight is 0 or more' },
    ]);
    expect(await refusal({ 'a/m': 0, 'b/m': 0 })).toEqual([
      { field: 'weights', message: 'at least one weight must be above 0' },
    ]);
    expect(await refusal({ 'a/m': 1 })).toEqual([
      { field: 'weights', message: expect.stringMatching(/needs a weight for each target; add "b\/m"/) },
    ]);
    expect(await fileRoutes()).toEqual(before);

    const gone = await core.dispatch('routes.setStrategy', { name: 'gone', strategy: 'cheapest' }, context);
    expect(gone.ok ? null : gone.error.code).toBe('UNKNOWN_MODEL');
  });
});
