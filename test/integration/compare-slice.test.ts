// Compare's store slice against the real core (as the preload's bridge reaches it): follow-ups to every pane,
// the 8-pane limit in words, model sets, the setup read back by a fresh store as after a reload, and blind votes
// on a round of follow-ups.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ChatEvents, SwitchboardBridge } from '../../shared/contract';
import { createCoreFromServices } from '../../electron/core/create-core';
import { createServices } from '../../electron/core/services';
import type { Core } from '../../electron/core/types';
import { applyParts } from '../../renderer/src/store/apply-parts';
import { createBlindSlice, isBlindPending, latestRound } from '../../renderer/src/store/blind-slice';
import { createChatSlice } from '../../renderer/src/store/chat-slice';
import { createCompareSlice } from '../../renderer/src/store/compare-slice';
import type { AppState } from '../../renderer/src/store/types';
import { startFakeProvider, type FakeProvider } from '../fake-provider';

let home: string;
let core: Core;
let fake: FakeProvider;

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'switchboard-compare-slice-'));
  fake = await startFakeProvider();
  core = createCoreFromServices(createServices({ dataDir: home }));
  await core.dispatch(
    'endpoints.save',
    { id: 'local', kind: 'openai-compatible', baseURL: `${fake.url}/v1`, models: ['a', 'b'] },
    { emit: () => {} },
  );
});
afterAll(async () => {
  await core.dispose();
  await fake.close();
  await rm(home, { recursive: true, force: true });
});

/** A page's store: the chat and compare slices over a bridge to the core, as a fresh page load makes one. */
function openPage(): StoreApi<AppState> {
  const bridge = {
    request: (route, input) =>
      core.dispatch(route, input, {
        emit: (event, payload) => {
          if (event !== 'chat.parts') return;
          const { streamId, parts } = payload as ChatEvents['chat.parts'];
          const view = store.getState().streams[streamId];
          if (view) store.setState({ streams: { ...store.getState().streams, [streamId]: applyParts(view, parts) } });
        },
      }) as never,
    on: () => () => {},
  } satisfies SwitchboardBridge;
  // Only what Compare uses: the other screens' slices are not part of this page.
  const store = createStore<AppState>()((set, get, api) => {
    const page: Partial<AppState> = {
      ...createChatSlice(set, get, api),
      ...createCompareSlice(set, get, api),
      ...createBlindSlice(set, get, api),
      bridge,
      screen: 'compare',
      conversations: [],
      setScreen: (screen) => set({ screen }),
    };
    return page as AppState;
  });
  return store;
}

const lastAnswers = (state: AppState) =>
  state.compare.panes.map((pane) => {
    const last = pane.entries.at(-1)!;
    return state.streams[last.streamId!];
  });

describe('the Compare slice', () => {
  it('sends follow-ups to every pane, keeps each pane’s turns, and a fresh page finds the setup and compare', async () => {
    const page = openPage();
    const compare = () => page.getState();
    compare().setCompareModel(0, 'local/a');
    compare().setCompareModel(1, 'local/b');
    compare().setPaneOverrides(1, { temperature: 1.2 });
    compare().setCompareLayout('grid');

    await compare().runCompare();
    expect(compare().compare.problem).toEqual({ at: 'send', message: 'Write a prompt first.' });

    for (const prompt of ['First?', 'Second?']) {
      fake.enqueue({ kind: 'text', text: `${prompt} one` }, { kind: 'text', text: `${prompt} two` });
      compare().setComparePrompt(prompt);
      await compare().runCompare();
      expect(compare().compare.prompt).toBe('');
      await expect
        .poll(() => lastAnswers(compare()).map((view) => view?.status), { timeout: 5000 })
        .toEqual(['ok', 'ok']);
    }
    expect(compare().compare.panes.map((pane) => pane.entries.map((entry) => entry.role))).toEqual([
      ['user', 'assistant', 'user', 'assistant'],
      ['user', 'assistant', 'user', 'assistant'],
    ]);
    const sessionId = compare().compare.sessionId;
    expect(sessionId).not.toBeNull();

    // A reload: a new page reads back the setup and the open compare, every answer with its measurements.
    compare().flushCompare();
    const reloaded = openPage();
    await reloaded.getState().restoreCompare();
    const back = reloaded.getState().compare;
    expect(back.isRestored).toBe(true);
    expect(back.sessionId).toBe(sessionId);
    expect(back.layout).toBe('grid');
    expect(back.panes.map((pane) => [pane.modelId, pane.overrides])).toEqual([
      ['local/a', {}],
      ['local/b', { temperature: 1.2 }],
    ]);
    expect(back.panes.map((pane) => pane.entries.filter((entry) => entry.usage).length)).toEqual([2, 2]);
    expect(back.sessions.map((session) => session.id)).toContain(sessionId);
  });

  it('stops adding panes at 8 and says why, and opens a saved model set without conversations', async () => {
    const page = openPage();
    const state = () => page.getState();
    for (let added = 0; added < 10; added += 1) state().addCompareModel();
    expect(state().compare.panes).toHaveLength(8);
    expect(state().compare.problem).toEqual({
      at: 'models',
      message: 'Compare shows 8 models at most: remove one to add another.',
    });

    state().removeCompareModel(7);
    state().toggleWidePane(6);
    state().removeCompareModel(2);
    expect(state().compare.widePane).toBe(5);
    expect(await state().saveModelSet('  ')).toBe('Name the model set.');
    expect(await state().saveModelSet('Many')).toBeNull();
    const saved = state().compare.modelSets.find((set) => set.name === 'Many')!;
    expect(saved.setup.panes).toHaveLength(6);

    state().newCompare();
    while (state().compare.panes.length > 2) state().removeCompareModel(2);
    state().openModelSet(saved.id);
    expect(state().compare.panes).toHaveLength(6);
    expect(state().compare.widePane).toBe(5);
    expect(state().compare.sessionId).toBeNull();
    state().openModelSet('gone');
    expect(state().compare.problem?.at).toBe('sets');
  });

  it('keeps a blind compare’s names hidden through follow-ups until one vote on its latest round, then shows them', async () => {
    const page = openPage();
    const state = () => page.getState();
    state().setCompareModel(0, 'local/a');
    state().setCompareModel(1, 'local/b');
    state().setBlindMode(true);
    const ask = async (prompt: string) => {
      fake.enqueue({ kind: 'text', text: `${prompt} one` }, { kind: 'text', text: `${prompt} two` });
      state().setComparePrompt(prompt);
      await state().runCompare();
      await expect.poll(() => latestRound(state()).isComplete, { timeout: 5000 }).toBe(true);
    };
    await ask('First?');
    const sessionId = state().compare.sessionId!;
    expect(isBlindPending(state())).toBe(true);
    // Turning blind mode off does not show the names of a compare that began blind; a follow-up stays blind.
    state().setBlindMode(false);
    await ask('Second?');
    expect(state().compare.sessionId).toBe(sessionId);
    expect(latestRound(state())).toEqual({ number: 2, isComplete: true });
    expect(isBlindPending(state())).toBe(true);
    // Reopened from the past compares, still unvoted: still blind.
    state().newCompare();
    expect(isBlindPending(state())).toBe(false);
    await state().openCompareSession(sessionId);
    expect(isBlindPending(state())).toBe(true);
    expect(latestRound(state())).toEqual({ number: 2, isComplete: true });

    await state().voteBlind('win', 1);
    expect(state().blind.votes[sessionId]).toMatchObject({ roundId: `${sessionId}/2`, status: 'saved' });
    expect(isBlindPending(state())).toBe(false);
    expect(state().blind.leaderboard?.rows.map((row) => [row.modelId, row.wins, row.losses])).toEqual([
      ['local/b', 1, 0],
      ['local/a', 0, 1],
    ]);
    // The round counts once: the core refuses a second vote on it, from this page or another.
    const again = await core.dispatch(
      'compare.vote',
      { modelIds: ['local/a', 'local/b'], outcome: 'tie', sessionId, roundId: `${sessionId}/2` },
      { emit: () => {} },
    );
    expect(again).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await core.dispatch('compare.leaderboard', {}, { emit: () => {} })) as unknown).toMatchObject({
      ok: true,
      data: { votes: 1 },
    });

    // A follow-up after the vote shows the names: nothing left to vote on in this compare.
    await ask('Third?');
    expect(isBlindPending(state())).toBe(false);
    await state().voteBlind('tie');
    expect(state().blind.votes[sessionId]?.roundId).toBe(`${sessionId}/2`);

    // With blind mode off, a new compare shows its names.
    state().newCompare();
    await ask('Fourth?');
    expect(state().compare.sessionId).not.toBe(sessionId);
    expect(isBlindPending(state())).toBe(false);
  });
});
