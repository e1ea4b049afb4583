import { useEffect } from 'react';
import { composerId } from '../features/chat/composer';
import { useAppStore } from '../store/app-store';
import { isBlindPending } from '../store/blind-slice';
import type { Screen } from '../store/types';

const screensByDigit: Record<string, Screen> = {
  '1': 'chat',
  '2': 'compare',
  '3': 'usage',
  '4': 'settings',
  '5': 'playground',
};

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Focuses the composer once the chat has rendered it. */
function focusComposer() {
  requestAnimationFrame(() => document.getElementById(composerId)?.focus());
}

/** The app's shortcuts (listed in shortcuts.ts); inside an open dialog only the dialog's own keys work. */
export function useGlobalShortcuts(options: { isSheetOpen: boolean; openSheet(): void }) {
  const { isSheetOpen, openSheet } = options;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const state = useAppStore.getState();
      if (isSheetOpen || state.modelPickerFor || event.defaultPrevented) return;
      const isMod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      let handled = true;
      if (isMod && key === 'k') {
        if (state.screen === 'compare') {
          const empty = state.compare.panes.findIndex((pane) => !pane.modelId);
          // A blind compare keeps its models until its vote.
          if (!isBlindPending(state)) state.openModelPicker({ kind: 'compare', index: Math.max(empty, 0) });
        } else if (state.screen === 'playground') {
          state.openModelPicker({ kind: 'playground' });
        } else {
          state.setScreen('chat');
          state.openModelPicker({ kind: 'chat' });
        }
      } else if (isMod && key === 'n' && !event.shiftKey) {
        state.setScreen('chat');
        state.newChat();
        focusComposer();
      } else if (isMod && !event.altKey && screensByDigit[event.key]) {
        state.setScreen(screensByDigit[event.key]!);
      } else if (isMod || event.altKey || isTyping(event.target)) {
        handled = false;
      } else if (event.key === '?') {
        openSheet();
      } else if (event.key === '/') {
        state.setScreen('chat');
        focusComposer();
      } else if (event.key === 'Escape') {
        void state.stopChat();
        handled = false;
      } else {
        handled = false;
      }
      if (handled) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [isSheetOpen, openSheet]);
}
