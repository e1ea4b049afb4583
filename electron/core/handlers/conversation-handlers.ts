import { SwitchboardError } from '../../../shared/errors/codes';
import { removedKeptMs } from '../../store/open-store';
import type { Handlers } from '../dispatch';
import type { Services } from '../services';
import { conversationMarkdown, exportFileName, parseConversationFile } from './conversation-file';

export type ConversationHandlers = Pick<
  Handlers,
  | 'conversations.list'
  | 'conversations.open'
  | 'conversations.messages'
  | 'conversations.update'
  | 'conversations.remove'
  | 'conversations.restore'
  | 'conversations.search'
  | 'conversations.export'
  | 'conversations.import'
>;

const gone = (what: string) => new SwitchboardError('UNKNOWN_CONVERSATION', what);

/** The history: opening a branch, renaming, pinning, deleting with undo, search, export and import. */
export function createConversationHandlers(
  services: Services,
  now: () => Date = () => new Date(),
): ConversationHandlers {
  const { store } = services;
  const requireConversation = (conversationId: string) => {
    const conversation = store.getConversation(conversationId);
    if (!conversation) throw gone('That conversation is gone: it was deleted, perhaps in another window.');
    return conversation;
  };

  return {
    'conversations.list': async () => store.listConversations(),
    'conversations.open': async ({ conversationId, messageId }) => {
      requireConversation(conversationId);
      if (messageId !== undefined && !store.activateMessage(conversationId, messageId)) {
        throw gone('That message is no longer in the conversation.');
      }
      return { conversation: requireConversation(conversationId), messages: store.activePath(conversationId) };
    },
    'conversations.messages': async ({ conversationId }) => store.listMessages(conversationId),
    'conversations.update': async ({ conversationId, ...changes }) => {
      store.updateConversation(conversationId, changes);
      return store.listConversations();
    },
    'conversations.remove': async ({ conversationId }) => {
      if (!store.removeConversation(conversationId, now().toISOString())) {
        throw gone('That conversation is gone already.');
      }
      // What was deleted earlier than its undo could reach goes for good now.
      store.purgeRemovedConversations(new Date(now().getTime() - removedKeptMs).toISOString());
      return store.listConversations();
    },
    'conversations.restore': async ({ conversationId }) => {
      if (!store.restoreConversation(conversationId)) {
        throw gone('That conversation can no longer be restored: it was deleted for good a minute after.');
      }
      return store.listConversations();
    },
    'conversations.search': async ({ query, limit }) => store.searchMessages(query, limit),
    'conversations.export': async ({ conversationId, format }) => {
      const conversation = requireConversation(conversationId);
      const exportedAt = now().toISOString();
      if (format === 'json') {
        const file = store.exportConversation(conversationId, exportedAt);
        return {
          fileName: exportFileName(conversation.title, 'json'),
          mediaType: 'application/json',
          text: `${JSON.stringify(file, null, 2)}\n`,
        };
      }
      return {
        fileName: exportFileName(conversation.title, 'md'),
        mediaType: 'text/markdown',
        text: conversationMarkdown(conversation, store.activePath(conversationId), exportedAt),
      };
    },
    'conversations.import': async ({ text }) => {
      const conversation = store.importConversation(parseConversationFile(text));
      return { conversation, conversations: store.listConversations() };
    },
  };
}
