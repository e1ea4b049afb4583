import type { StateCreator } from 'zustand';
import { newStreamView } from './apply-parts';
import { call } from './call';
import type { AppState } from './types';

type CompareSlice = Pick<
  AppState,
  | 'compare'
  | 'setComparePrompt'
  | 'setCompareSettings'
  | 'setCompareModel'
  | 'addCompareModel'
  | 'removeCompareModel'
  | 'runCompare'
>;

export const createCompareSlice: StateCreator<AppState, [], [], CompareSlice> = (set, get) => ({
  compare: { prompt: '', system: '', temperature: '', maxOutputTokens: '', modelIds: ['', ''], streamIds: [] },
  setComparePrompt: (prompt) => set({ compare: { ...get().compare, prompt } }),
  setCompareSettings: (settings) => set({ compare: { ...get().compare, ...settings } }),
  setCompareModel(index, modelId) {
    const modelIds = [...get().compare.modelIds];
    modelIds[index] = modelId;
    set({ compare: { ...get().compare, modelIds } });
  },
  addCompareModel: () => set({ compare: { ...get().compare, modelIds: [...get().compare.modelIds, ''] } }),
  removeCompareModel(index) {
    const { compare } = get();
    set({
      compare: {
        ...compare,
        modelIds: compare.modelIds.filter((_, i) => i !== index),
        streamIds: compare.streamIds.filter((_, i) => i !== index),
      },
    });
  },
  async runCompare() {
    const { prompt, system, modelIds } = get().compare;
    const chosen = modelIds.filter((id) => id.length > 0);
    if (!prompt.trim() || chosen.length < 2) {
      set({ notice: { kind: 'error', message: 'Write a prompt and pick at least two models.' } });
      return;
    }
    const settings = readSettings(get().compare);
    const started = await call(get, set, 'compare.send', {
      prompt,
      modelIds: chosen,
      ...(system.trim() ? { system } : {}),
      ...settings,
    });
    if (!started) return;
    const streams = { ...get().streams };
    started.streamIds.forEach((streamId, index) => (streams[streamId] = newStreamView(chosen[index]!, streamId)));
    set({ streams, compare: { ...get().compare, modelIds: chosen, streamIds: started.streamIds } });
    void get().loadConversations();
  },
});

/** The typed settings as numbers; the form and the core check their ranges. */
function readSettings(compare: AppState['compare']): { temperature?: number; maxOutputTokens?: number } {
  return {
    ...(compare.temperature.trim() ? { temperature: Number(compare.temperature) } : {}),
    ...(compare.maxOutputTokens.trim() ? { maxOutputTokens: Number(compare.maxOutputTokens) } : {}),
  };
}
