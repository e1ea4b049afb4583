import type { StateCreator } from 'zustand';
import type { Result } from '../../../shared/contract';
import { maxComparePanes } from '../../../shared/contract/compare-limits';
import { newStreamView } from './apply-parts';
import { request } from './call';
import { savedId, streamEntry, toEntry } from './chat-entries';
import { emptyCompare, fromSetup, newPane, fillPanes, toSetup, wideAfterRemoving } from './compare-setup';
import type { AppState, ComparePaneState, CompareProblemPlace, CompareState } from './types';

type CompareSlice = Pick<
  AppState,
  | 'compare'
  | 'setComparePrompt'
  | 'setCompareShared'
  | 'setCompareModel'
  | 'setPaneOverrides'
  | 'addCompareModel'
  | 'removeCompareModel'
  | 'setCompareLayout'
  | 'toggleWidePane'
  | 'runCompare'
  | 'newCompare'
  | 'stopCompare'
  | 'regenerateComparePane'
  | 'continueComparePane'
  | 'loadCompareLists'
  | 'openCompareSession'
  | 'saveModelSet'
  | 'openModelSet'
  | 'removeModelSet'
  | 'restoreCompare'
  | 'flushCompare'
>;

/** How long typing rests before the setup is kept in the core (every keystroke would be a write). */
export const compareTypingDelayMs = 300;

/** True while a pane's last answer is still being written. */
export const isPaneStreaming = (pane: ComparePaneState, streams: AppState['streams']): boolean =>
  pane.entries.some((entry) => entry.streamId !== undefined && streams[entry.streamId]?.status === 'streaming');

export const createCompareSlice: StateCreator<AppState, [], [], CompareSlice> = (set, get) => {
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  /** Keeps the setup in the core, so a reload or a restart (of the app or of browser mode) finds it. */
  const saveNow = () => {
    clearTimeout(saveTimer);
    saveTimer = undefined;
    const { compare } = get();
    void request(get, 'compare.saveCurrent', {
      setup: toSetup(compare),
      prompt: compare.prompt,
      sessionId: compare.sessionId,
    }).then((result) => {
      // Not kept (a full disk): said beside the prompt, since a reload would lose the setup.
      if (!result.ok && get().bridge) {
        set({ compare: { ...get().compare, problem: { at: 'send', message: result.error.message } } });
      }
    });
  };
  const update = (changes: Partial<CompareState>, options: { keep?: boolean } = {}) => {
    set({ compare: { ...get().compare, ...changes } });
    if (options.keep === false) return;
    // Picks and clicks are kept at once (in order, over the one connection); typing once it rests.
    const isTyping = Object.keys(changes).every((key) => key === 'prompt' || key === 'shared');
    if (!isTyping) return saveNow();
    clearTimeout(saveTimer);
    saveTimer = setTimeout(saveNow, compareTypingDelayMs);
  };
  const updatePane = (index: number, change: (pane: ComparePaneState) => ComparePaneState) =>
    update({ panes: get().compare.panes.map((pane, at) => (at === index ? change(pane) : pane)) });
  const refuse = (at: CompareProblemPlace, message: string) => update({ problem: { at, message } }, { keep: false });
  /** A refusal's words, for the place it is shown: the core's messages are already in the user's words. */
  const refusal = <T>(result: Result<T>): string | null =>
    result.ok ? null : (result.error.fields?.[0]?.message ?? result.error.message);
  const isStreaming = () => get().compare.panes.some((pane) => isPaneStreaming(pane, get().streams));
  const addStream = (streamId: string, modelId: string) =>
    set({ streams: { ...get().streams, [streamId]: newStreamView(modelId, streamId) } });

  return {
    compare: emptyCompare(),
    setComparePrompt: (prompt) => update({ prompt }),
    setCompareShared: (shared) => update({ shared: { ...get().compare.shared, ...shared } }),
    setCompareModel: (index, modelId) => {
      updatePane(index, (pane) => ({ ...pane, modelId }));
      if (get().compare.problem) update({ problem: null });
    },
    setPaneOverrides: (index, overrides) => updatePane(index, (pane) => ({ ...pane, overrides })),
    addCompareModel() {
      const { panes } = get().compare;
      if (panes.length >= maxComparePanes) {
        refuse('models', `Compare shows ${maxComparePanes} models at most: remove one to add another.`);
        return;
      }
      update({ panes: [...panes, newPane()], problem: null });
    },
    removeCompareModel(index) {
      const { panes, widePane } = get().compare;
      if (panes.length <= 2) return;
      update({ panes: panes.filter((_, at) => at !== index), widePane: wideAfterRemoving(widePane, index) });
    },
    setCompareLayout: (layout) => update({ layout }),
    toggleWidePane: (index) => update({ widePane: get().compare.widePane === index ? null : index }),
    async runCompare() {
      const { compare } = get();
      if (!compare.prompt.trim()) return refuse('send', 'Write a prompt first.');
      if (compare.panes.some((pane) => !pane.modelId)) {
        return refuse('send', 'Pick a model for every pane (Ctrl/Cmd+K), or remove the empty ones.');
      }
      if (isStreaming()) return refuse('send', 'Wait for every answer, or stop them, first.');
      const prompt = compare.prompt;
      const result = await request(get, 'compare.send', {
        ...(compare.sessionId ? { sessionId: compare.sessionId } : {}),
        prompt,
        setup: toSetup(compare),
      });
      if (!result.ok) return refuse('send', refusal(result)!);
      const { sessionId, panes: started } = result.data;
      // A new compare starts blind when blind mode is on; a follow-up stays as its compare began.
      if (!compare.sessionId) get().startBlindCompare(sessionId);
      started.forEach((turn, index) => addStream(turn.streamId, get().compare.panes[index]?.modelId ?? ''));
      update({
        sessionId,
        prompt: '',
        problem: null,
        panes: get().compare.panes.map((pane, index) => {
          const turn = started[index];
          if (!turn) return pane;
          return {
            ...pane,
            conversationId: turn.conversationId,
            entries: [...pane.entries, toEntry(turn.question), streamEntry(turn.streamId)],
          };
        }),
      });
      void get().loadCompareLists();
    },
    newCompare: () =>
      update({
        sessionId: null,
        problem: null,
        panes: get().compare.panes.map(({ key, modelId, overrides }) => ({ key, modelId, overrides, entries: [] })),
      }),
    async stopCompare() {
      const streaming = get().compare.panes.flatMap((pane) =>
        pane.entries.flatMap((entry) =>
          entry.streamId && get().streams[entry.streamId]?.status === 'streaming' ? [entry.streamId] : [],
        ),
      );
      await Promise.all(streaming.map((streamId) => get().cancelStream(streamId)));
    },
    async regenerateComparePane(index) {
      const { compare } = get();
      const pane = compare.panes[index];
      if (!pane?.conversationId || !compare.sessionId) return;
      if (isPaneStreaming(pane, get().streams)) return refuse({ pane: index }, 'Wait for this answer, or stop it.');
      const result = await request(get, 'compare.regenerate', {
        sessionId: compare.sessionId,
        conversationId: pane.conversationId,
        setup: toSetup(compare),
      });
      if (!result.ok) return refuse({ pane: index }, refusal(result)!);
      addStream(result.data.streamId, pane.modelId);
      updatePane(index, (current) => {
        const last = current.entries.at(-1);
        const isAnswer = last?.role === 'assistant';
        const versions = isAnswer
          ? [...last.versionIds.map((id) => savedId(id, get().streams)), result.data.streamId]
          : [result.data.streamId];
        const kept = isAnswer ? current.entries.slice(0, -1) : current.entries;
        return { ...current, entries: [...kept, streamEntry(result.data.streamId, versions)] };
      });
      update({ problem: null });
    },
    async continueComparePane(index) {
      const { compare } = get();
      const conversationId = compare.panes[index]?.conversationId;
      if (!conversationId || !compare.sessionId) return;
      const result = await request(get, 'compare.continue', { sessionId: compare.sessionId, conversationId });
      if (!result.ok) return refuse({ pane: index }, refusal(result)!);
      set({ conversations: result.data });
      await get().openConversation(conversationId);
      get().setScreen('chat');
    },
    async loadCompareLists() {
      const [sessions, modelSets] = await Promise.all([
        request(get, 'compare.sessions', {}),
        request(get, 'compare.sets', {}),
      ]);
      update(
        {
          ...(sessions.ok ? { sessions: sessions.data } : {}),
          ...(modelSets.ok ? { modelSets: modelSets.data } : {}),
        },
        { keep: false },
      );
      const failed = refusal(sessions) ?? refusal(modelSets);
      if (failed) refuse('sessions', failed);
    },
    async openCompareSession(sessionId) {
      if (isStreaming()) return refuse('sessions', 'Wait for every answer, or stop them, first.');
      const result = await request(get, 'compare.open', { sessionId });
      if (!result.ok) return refuse('sessions', refusal(result)!);
      const opened = fromSetup(result.data.setup);
      update({ ...opened, panes: fillPanes(opened.panes, result.data), sessionId, problem: null });
    },
    async saveModelSet(name) {
      const result = await request(get, 'compare.saveSet', { name, setup: toSetup(get().compare) });
      if (!result.ok) return refusal(result);
      update({ modelSets: result.data, problem: null }, { keep: false });
      return null;
    },
    openModelSet(setId) {
      const modelSet = get().compare.modelSets.find((candidate) => candidate.id === setId);
      if (!modelSet) return refuse('sets', 'That model set is gone: it was removed, perhaps in another window.');
      if (isStreaming()) return refuse('sets', 'Wait for every answer, or stop them, first.');
      update({ ...fromSetup(modelSet.setup), sessionId: null, problem: null });
    },
    async removeModelSet(setId) {
      const result = await request(get, 'compare.removeSet', { setId });
      if (!result.ok) return refuse('sets', refusal(result)!);
      update({ modelSets: result.data }, { keep: false });
    },
    flushCompare: () => {
      if (saveTimer) saveNow();
    },
    async restoreCompare() {
      const result = await request(get, 'compare.current', {});
      if (result.ok && result.data) {
        const { setup, prompt, sessionId } = result.data;
        update({ ...fromSetup(setup), prompt, sessionId: null }, { keep: false });
        if (sessionId) {
          const session = await request(get, 'compare.open', { sessionId });
          if (session.ok) update({ panes: fillPanes(get().compare.panes, session.data), sessionId }, { keep: false });
        }
      }
      update({ isRestored: true }, { keep: false });
      await get().loadCompareLists();
    },
  };
};
