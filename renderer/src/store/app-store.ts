import { create } from 'zustand';
import type { ChatEvents } from '../../../shared/contract';
import { applyParts, earlyParts, endOpenStreams } from './apply-parts';
import { createBlindSlice } from './blind-slice';
import { createChatSlice } from './chat-slice';
import { createCompareSlice } from './compare-slice';
import { createHistorySlice } from './history-slice';
import { applyCellEvent, createPlaygroundSlice } from './playground-slice';
import { createSettingsSlice } from './settings-slice';
import { createPartsQueue } from './parts-queue';
import { createUsageSlice } from './usage-slice';
import type { AppState, StreamView } from './types';

/** The one store: slices side by side, every stream's batches folded in together once per frame. */
export const useAppStore = create<AppState>()((set, get, store) => {
  const partsQueue = createPartsQueue((pending) => {
    let streams: Record<string, StreamView> | null = null;
    for (const [streamId, parts] of pending) {
      const view = (streams ?? get().streams)[streamId];
      if (!view) {
        earlyParts.set(streamId, [...(earlyParts.get(streamId) ?? []), ...parts]);
        continue;
      }
      streams ??= { ...get().streams };
      streams[streamId] = applyParts(view, parts);
    }
    if (streams) set({ streams });
  });
  return {
    bridge: null,
    isConnected: true,
    screen: 'chat',
    notice: null,
    // Leaving a screen clears its confirmations; errors stay until dismissed.
    setScreen: (screen) => set({ screen, notice: get().notice?.kind === 'info' ? null : get().notice }),
    setNotice: (notice) => set({ notice }),
    setConnected(isConnected) {
      if (!isConnected) partsQueue.flush();
      set(isConnected ? { isConnected } : { isConnected, streams: endOpenStreams(get().streams) });
    },
    modelPickerFor: null,
    openModelPicker: (target) => set({ modelPickerFor: target }),
    closeModelPicker: () => set({ modelPickerFor: null }),
    connect(bridge) {
      set({ bridge });
      bridge.on('chat.parts', ({ streamId, parts }: ChatEvents['chat.parts']) => partsQueue.push(streamId, parts));
      bridge.on('playground.cell', (payload) => applyCellEvent(get, set, payload));
    },
    ...createSettingsSlice(set, get, store),
    ...createChatSlice(set, get, store),
    ...createHistorySlice(set, get, store),
    ...createCompareSlice(set, get, store),
    ...createUsageSlice(set, get, store),
    ...createPlaygroundSlice(set, get, store),
    ...createBlindSlice(set, get, store),
  };
});
