import { create } from 'zustand';
import type { ChatEvents } from '../../../shared/contract';
import { applyParts, earlyParts, endOpenStreams } from './apply-parts';
import { createBlindSlice } from './blind-slice';
import { createChatSlice } from './chat-slice';
import { createCompareSlice } from './compare-slice';
import { createHistorySlice } from './history-slice';
import { applyCellEvent, createPlaygroundSlice } from './playground-slice';
import { createSettingsSlice } from './settings-slice';
import { createUsageSlice } from './usage-slice';
import type { AppState } from './types';

/** The one store: slices side by side, stream batches folded in as they arrive. */
export const useAppStore = create<AppState>()((set, get, store) => ({
  bridge: null,
  isConnected: true,
  screen: 'chat',
  notice: null,
  // Leaving a screen clears its confirmations; errors stay until dismissed.
  setScreen: (screen) => set({ screen, notice: get().notice?.kind === 'info' ? null : get().notice }),
  setNotice: (notice) => set({ notice }),
  setConnected: (isConnected) =>
    set(isConnected ? { isConnected } : { isConnected, streams: endOpenStreams(get().streams) }),
  modelPickerFor: null,
  openModelPicker: (target) => set({ modelPickerFor: target }),
  closeModelPicker: () => set({ modelPickerFor: null }),
  connect(bridge) {
    set({ bridge });
    bridge.on('chat.parts', ({ streamId, parts }: ChatEvents['chat.parts']) => {
      const view = get().streams[streamId];
      if (view) set({ streams: { ...get().streams, [streamId]: applyParts(view, parts) } });
      else earlyParts.set(streamId, [...(earlyParts.get(streamId) ?? []), ...parts]);
    });
    bridge.on('playground.cell', (payload) => applyCellEvent(get, set, payload));
  },
  ...createSettingsSlice(set, get, store),
  ...createChatSlice(set, get, store),
  ...createHistorySlice(set, get, store),
  ...createCompareSlice(set, get, store),
  ...createUsageSlice(set, get, store),
  ...createPlaygroundSlice(set, get, store),
  ...createBlindSlice(set, get, store),
}));
