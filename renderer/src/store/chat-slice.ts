import type { StateCreator } from 'zustand';
import type { ConversationDetail } from '../../../shared/contract';
import { readChosenModel, writeChosenModel } from '../features/models/model-memory';
import { isString, readSetting, writeSetting } from '../ui/local-setting';
import { newStreamView } from './apply-parts';
import { call } from './call';
import { isAnswering, pendingQuestion, savedId, streamEntry, toEntry } from './chat-entries';
import type { AppState } from './types';

type ChatSlice = Pick<
  AppState,
  | 'streams'
  | 'chat'
  | 'setChatModel'
  | 'sendChat'
  | 'editMessage'
  | 'regenerate'
  | 'showVersion'
  | 'saveChatSettings'
  | 'newChat'
  | 'openConversation'
  | 'cancelStream'
  | 'stopChat'
  | 'restoreChat'
>;

/** The conversation open in the chat, kept so a reload comes back to it. */
const openConversationKey = 'switchboard.open-conversation';
const rememberOpenConversation = (conversationId: string | null) => writeSetting(openConversationKey, conversationId);

export const createChatSlice: StateCreator<AppState, [], [], ChatSlice> = (set, get) => {
  /** Shows a branch the core answered with, keeping the chat's model choice in step with the conversation's. */
  const show = (detail: ConversationDetail, focusMessageId: string | null = null) => {
    const { conversation, messages } = detail;
    // The conversation's own model; one kept before models were kept per conversation: its last answer's.
    const modelId = conversation.modelId ?? messages.findLast((message) => message.model)?.model ?? get().chat.modelId;
    if (modelId) writeChosenModel(modelId);
    rememberOpenConversation(conversation.id);
    set({
      chat: {
        conversationId: conversation.id,
        modelId,
        entries: messages.map(toEntry),
        settings: conversation.settings,
        focusMessageId,
      },
    });
  };
  const addStream = (streamId: string, modelId: string) =>
    set({ streams: { ...get().streams, [streamId]: newStreamView(modelId, streamId) } });
  /** Refuses to change the branch while an answer is written on it. */
  const isBusy = () => {
    if (!isAnswering(get().chat.entries, get().streams)) return false;
    set({ notice: { kind: 'error', message: 'Wait for the answer, or stop it (Esc), first.' } });
    return true;
  };
  const requireModel = () => {
    if (get().chat.modelId) return get().chat.modelId;
    set({ notice: { kind: 'error', message: 'Pick a model first (Ctrl/Cmd+K).' } });
    return null;
  };

  return {
    streams: {},
    chat: { conversationId: null, modelId: readChosenModel(), entries: [], settings: {}, focusMessageId: null },
    setChatModel(modelId) {
      writeChosenModel(modelId);
      const { conversationId } = get().chat;
      set({ chat: { ...get().chat, modelId } });
      if (!conversationId) return;
      void call(get, set, 'conversations.update', { conversationId, modelId }).then(
        (conversations) => conversations && set({ conversations }),
      );
    },
    newChat() {
      rememberOpenConversation(null);
      set({ chat: { ...get().chat, conversationId: null, entries: [], settings: {}, focusMessageId: null } });
    },
    async restoreChat() {
      const conversationId = readSetting(openConversationKey, null, isString);
      if (!conversationId) return;
      await get().loadConversations();
      if (get().conversations.some((conversation) => conversation.id === conversationId)) {
        await get().openConversation(conversationId);
      }
    },
    async openConversation(conversationId, messageId) {
      const detail = await call(get, set, 'conversations.open', {
        conversationId,
        ...(messageId ? { messageId } : {}),
      });
      if (detail) show(detail, messageId ?? null);
    },
    async showVersion(messageId) {
      const { conversationId } = get().chat;
      if (!conversationId || isBusy()) return;
      const detail = await call(get, set, 'conversations.open', { conversationId, messageId });
      if (detail) show(detail);
    },
    async sendChat(text, attachments = []) {
      const modelId = requireModel();
      if (!modelId || isBusy()) return false;
      const { conversationId, settings } = get().chat;
      const pending = pendingQuestion(text, attachments);
      // The view goes back to following the end, where the answer comes.
      set({ chat: { ...get().chat, entries: [...get().chat.entries, pending], focusMessageId: null } });
      const started = await call(get, set, 'chat.send', {
        modelId,
        text,
        attachments,
        ...(conversationId ? { conversationId } : { settings }),
      });
      const entries = get().chat.entries.filter((entry) => entry.id !== pending.id);
      if (!started) {
        set({ chat: { ...get().chat, entries } });
        return false;
      }
      addStream(started.streamId, modelId);
      if (!conversationId) void get().loadConversations();
      rememberOpenConversation(started.conversationId);
      set({
        chat: {
          ...get().chat,
          conversationId: started.conversationId,
          entries: [...entries, toEntry(started.question), streamEntry(started.streamId)],
        },
      });
      return true;
    },
    async editMessage(entryId, text) {
      const modelId = requireModel();
      const { conversationId } = get().chat;
      if (!modelId || !conversationId || isBusy()) return false;
      const started = await call(get, set, 'chat.edit', { conversationId, messageId: entryId, modelId, text });
      if (!started) return false;
      addStream(started.streamId, modelId);
      const entries = get().chat.entries;
      const index = entries.findIndex((entry) => entry.id === entryId);
      set({
        chat: {
          ...get().chat,
          entries: [...entries.slice(0, index), toEntry(started.question), streamEntry(started.streamId)],
        },
      });
      return true;
    },
    async regenerate(entryId) {
      const modelId = requireModel();
      const { conversationId, entries } = get().chat;
      const index = entries.findIndex((entry) => entry.id === entryId);
      const entry = entries[index];
      if (!modelId || !conversationId || !entry || isBusy()) return;
      const { streams } = get();
      const started = await call(get, set, 'chat.regenerate', {
        conversationId,
        messageId: savedId(entryId, streams),
        modelId,
      });
      if (!started) return;
      addStream(started.streamId, modelId);
      const current = get().chat.entries;
      // A new version in place of the answer; or the first answer of a question that had none.
      const answer =
        entry.role === 'assistant'
          ? streamEntry(started.streamId, [...entry.versionIds.map((id) => savedId(id, streams)), started.streamId])
          : streamEntry(started.streamId);
      const kept = entry.role === 'assistant' ? current.slice(0, index) : current.slice(0, index + 1);
      set({ chat: { ...get().chat, entries: [...kept, answer] } });
    },
    async saveChatSettings(settings) {
      const { conversationId } = get().chat;
      if (!conversationId) {
        set({ chat: { ...get().chat, settings } });
        return null;
      }
      const bridge = get().bridge;
      if (!bridge) return 'Not connected to Switchboard.';
      const result = await bridge.request('conversations.update', { conversationId, settings });
      if (!result.ok) return result.error.message;
      set({ conversations: result.data, chat: { ...get().chat, settings } });
      return null;
    },
    async stopChat() {
      const { chat, streams } = get();
      const streaming = chat.entries.filter(
        (entry) => entry.streamId && streams[entry.streamId]?.status === 'streaming',
      );
      await Promise.all(streaming.map((entry) => get().cancelStream(entry.streamId!)));
    },
    async cancelStream(streamId) {
      await call(get, set, 'chat.cancel', { streamId });
    },
  };
};
