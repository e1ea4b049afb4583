import type { StateCreator } from 'zustand';
import { downloadText } from '../features/chat/download-text';
import { call } from './call';
import type { AppState } from './types';

type HistorySlice = Pick<
  AppState,
  | 'conversations'
  | 'history'
  | 'loadConversations'
  | 'removeConversation'
  | 'undoRemove'
  | 'forgetRemoved'
  | 'renameConversation'
  | 'pinConversation'
  | 'searchHistory'
  | 'exportConversation'
  | 'importConversation'
>;

/** The History panel: the list, search, rename, pin, delete with undo, export and import. */
export const createHistorySlice: StateCreator<AppState, [], [], HistorySlice> = (set, get) => {
  const setHistory = (history: Partial<AppState['history']>) => set({ history: { ...get().history, ...history } });
  /** A search again after the list changed, so its results never name a deleted or renamed conversation. */
  const refreshSearch = () => {
    if (get().history.query.trim()) void get().searchHistory(get().history.query);
  };

  return {
    conversations: [],
    history: { query: '', hits: null, removed: null },
    async loadConversations() {
      const conversations = await call(get, set, 'conversations.list', {});
      if (conversations) set({ conversations });
    },
    async removeConversation(conversationId) {
      const removed = get().conversations.find((conversation) => conversation.id === conversationId) ?? null;
      const conversations = await call(get, set, 'conversations.remove', { conversationId });
      if (!conversations) return;
      set({ conversations });
      setHistory({ removed });
      refreshSearch();
      if (get().chat.conversationId === conversationId) get().newChat();
    },
    async undoRemove() {
      const { removed } = get().history;
      if (!removed) return;
      setHistory({ removed: null });
      const conversations = await call(get, set, 'conversations.restore', { conversationId: removed.id });
      if (!conversations) return;
      set({ conversations });
      refreshSearch();
      await get().openConversation(removed.id);
    },
    forgetRemoved: () => setHistory({ removed: null }),
    async renameConversation(conversationId, title) {
      const conversations = await call(get, set, 'conversations.update', { conversationId, title });
      if (conversations) set({ conversations });
      refreshSearch();
      return conversations !== null;
    },
    async pinConversation(conversationId, isPinned) {
      const conversations = await call(get, set, 'conversations.update', { conversationId, isPinned });
      if (conversations) set({ conversations });
    },
    async searchHistory(query) {
      setHistory({ query });
      if (!query.trim()) {
        setHistory({ hits: null });
        return;
      }
      const hits = await call(get, set, 'conversations.search', { query });
      // Typing on: only the answer to the latest search is shown.
      if (hits && get().history.query === query) setHistory({ hits });
    },
    async exportConversation(conversationId, format) {
      const file = await call(get, set, 'conversations.export', { conversationId, format });
      if (!file) return;
      downloadText(file.fileName, file.mediaType, file.text);
      set({ notice: { kind: 'info', message: `Exported as ${file.fileName}.` } });
    },
    async importConversation(text) {
      const bridge = get().bridge;
      if (!bridge) return 'Not connected to Switchboard.';
      const result = await bridge.request('conversations.import', { text });
      if (!result.ok) return result.error.message;
      set({ conversations: result.data.conversations });
      refreshSearch();
      await get().openConversation(result.data.conversation.id);
      set({ notice: { kind: 'info', message: `Imported “${result.data.conversation.title}”.` } });
      return null;
    },
  };
};
