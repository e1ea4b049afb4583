// Blind votes through the core's dispatch, as the renderer sends them: checked, kept, and summed into the leaderboard.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Leaderboard } from '../../shared/contract';
import { createCoreFromServices } from '../../electron/core/create-core';
import { createServices } from '../../electron/core/services';
import type { Core } from '../../electron/core/types';

let home: string;
let core: Core;
const context = { emit: () => {} };

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'switchboard-votes-'));
  core = createCoreFromServices(createServices({ dataDir: home }));
});
afterAll(async () => {
  await core.dispose();
  await rm(home, { recursive: true, force: true });
});

async function refusal(input: unknown) {
  const result = await core.dispatch('compare.vote', input, context);
  if (result.ok) throw new Error('the vote was kept');
  return result.error;
}

describe('compare votes', () => {
  it('refuses a vote that does not hold together, in words, keeping nothing', async () => {
    const base = { modelIds: ['fake/a', 'fake/b'], outcome: 'win', winner: 'fake/a' };
    expect((await refusal({ ...base, modelIds: ['fake/a'] })).message).toMatch(/at least two models/);
    expect((await refusal({ ...base, modelIds: ['fake/a', 'fake/a'] })).message).toMatch(
      /same model is in two answers/,
    );
    expect((await refusal({ ...base, winner: 'fake/c' })).message).toMatch(/winner is one of the models compared/);
    expect((await refusal({ ...base, winner: undefined })).message).toMatch(/name the winner for a win/);
    expect((await refusal({ ...base, outcome: 'tie' })).message).toMatch(/only for a win/);
    expect((await refusal({ ...base, outcome: 'draw' })).message).toMatch(/win, tie or both-bad/);
    expect((await refusal({ ...base, sessionId: 'c1', roundId: 'c2/1' })).message).toMatch(/one of this compare’s/);
    expect(await core.dispatch('compare.leaderboard', {}, context)).toEqual({ ok: true, data: { rows: [], votes: 0 } });
  });

  it('keeps votes, counts a compare once, ranks the winner first, and resets', async () => {
    const first = await core.dispatch(
      'compare.vote',
      { modelIds: ['fake/a', 'fake/b'], outcome: 'win', winner: 'fake/b', sessionId: 'c1', roundId: 'c1/1' },
      context,
    );
    expect(first).toMatchObject({ ok: true, data: { vote: { winner: 'fake/b', sessionId: 'c1' } } });
    const again = await refusal({ modelIds: ['fake/a', 'fake/b'], outcome: 'tie', roundId: 'c1/1' });
    expect(again).toMatchObject({ code: 'INVALID_INPUT' });
    expect(again.message).toMatch(/already has a vote/);

    await core.dispatch('compare.vote', { modelIds: ['fake/b', 'fake/a', 'fake/c'], outcome: 'tie' }, context);
    const board = await core.dispatch('compare.leaderboard', {}, context);
    const data = (board as { ok: true; data: Leaderboard }).data;
    expect(data.votes).toBe(2);
    expect(data.rows.map((row) => [row.modelId, row.votes, row.wins, row.ties, row.losses])).toEqual([
      ['fake/b', 2, 1, 1, 0],
      ['fake/c', 1, 0, 1, 0],
      ['fake/a', 2, 0, 1, 1],
    ]);
    expect(await core.dispatch('compare.resetLeaderboard', {}, context)).toEqual({
      ok: true,
      data: { rows: [], votes: 0 },
    });
  });
});
