import type { StateCreator } from 'zustand';
import { readChosenModel, writeChosenModel } from '../features/models/model-memory';
import { isString, readSetting, writeSetting } from '../ui/local-setting';
import { call } from './call';
import { newStreamView } from './apply-parts';
import type { AppState } from './types';

type ChatSlice = Pick<
  AppState,
  | 'streams'
  | 'chat'
  | 'conversations'
  | 'setChatModel'
  | 'sendChat'
  | 'newChat'
  | 'loadConversations'
  | 'openConversation'
  | 'removeConversation'
  | 'startStream'
  | 'cancelStream'
  | 'stopChat'
  | 'restoreChat'
>;

/** The conversation open in the chat, kept so a reload comes back to it. */
const openConversationKey = 'switchboard.open-conversation';
const rememberOpenConversation = (conversationId: string | null) => writeSetting(openConversationKey, conversationId);

export const createChatSlice: StateCreator<AppState, [], [], ChatSlice> = (set, get) => ({
  streams: {},
  chat: { conversationId: null, modelId: readChosenModel(), entries: [] },
  setChatModel(modelId) {
    writeChosenModel(modelId);
    set({ chat: { ...get().chat, modelId } });
  },
  conversations: [],
  newChat() {
    rememberOpenConversation(null);
    set({ chat: { ...get().chat, conversationId: null, entries: [] } });
  },
  async restoreChat() {
    const conversationId = readSetting(openConversationKey, null, isString);
    if (!conversationId) return;
    await get().loadConversations();
    if (get().conversations.some((conversation) => conversation.id === conversationId)) {
      await get().openConversation(conversationId);
    }
  },
  async loadConversations() {
    const conversations = await call(get, set, 'conversations.list', {});
    if (conversations) set({ conversations });
  },
  async removeConversation(conversationId) {
    const conversations = await call(get, set, 'conversations.remove', { conversationId });
    if (!conversations) return;
    set({ conversations, notice: { kind: 'info', message: 'Deleted the conversation.' } });
    if (get().chat.conversationId === conversationId) get().newChat();
  },
  async openConversation(conversationId) {
    const messages = await call(get, set, 'conversations.messages', { conversationId });
    if (!messages) return;
    // A system prompt (from a compare run) stays: it goes back to the model when the chat goes on.
    const entries = messages.map((message) => ({
      id: message.id,
      role: message.role,
      content: message.content,
      model: message.model,
      status: message.status,
    }));
    // Carry on with the model that answered last; the picker can switch it for the next turn.
    const lastModel = messages.findLast((message) => message.model)?.model;
    if (lastModel) writeChosenModel(lastModel);
    rememberOpenConversation(conversationId);
    set({ chat: { conversationId, modelId: lastModel ?? get().chat.modelId, entries } });
  },
  async startStream(modelId, messages, conversationId) {
    const started = await call(get, set, 'chat.send', { modelId, messages, conversationId });
    if (started) set({ streams: { ...get().streams, [started.streamId]: newStreamView(modelId, started.streamId) } });
    return started;
  },
  async sendChat(text) {
    const { chat, streams } = get();
    if (!chat.modelId) {
      set({ notice: { kind: 'error', message: 'Pick a model first.' } });
      return;
    }
    // Earlier answers go back as context; a failed one with no text is left out.
    const history = chat.entries.flatMap((entry) => {
      const content = entry.streamId ? (streams[entry.streamId]?.text ?? '') : entry.content;
      return content ? [{ role: entry.role, content }] : [];
    });
    const userEntry = { id: crypto.randomUUID(), role: 'user' as const, content: text };
    set({ chat: { ...chat, entries: [...chat.entries, userEntry] } });
    const started = await get().startStream(
      chat.modelId,
      [...history, { role: 'user', content: text }],
      chat.conversationId ?? undefined,
    );
    if (!started) return;
    if (!chat.conversationId) void get().loadConversations();
    rememberOpenConversation(started.conversationId);
    const current = get().chat;
    set({
      chat: {
        ...current,
        conversationId: started.conversationId,
        entries: [
          ...current.entries,
          { id: started.streamId, role: 'assistant', content: '', streamId: started.streamId },
        ],
      },
    });
  },
  async stopChat() {
    const { chat, streams } = get();
    const streaming = chat.entries.filter((entry) => entry.streamId && streams[entry.streamId]?.status === 'streaming');
    await Promise.all(streaming.map((entry) => get().cancelStream(entry.streamId!)));
  },
  async cancelStream(streamId) {
    await call(get, set, 'chat.cancel', { streamId });
  },
});
