// Compare's store slice against the real core (as the preload's bridge reaches it): follow-ups to every pane,
// the 8-pane limit in words, model sets, and the setup read back by a fresh store as after a reload.
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
});
