import type {
  AttachmentInput,
  ConversationSettings,
  ConversationSummary,
  PathMessage,
  SearchHit,
  StoredMessage,
} from '../../shared/contract';
import type { ConversationFile } from '../../shared/contract/conversation-file';

export interface NewMessage {
  conversationId: string;
  /**
   * The message this one follows: an answer's question, an edit's parent. Null starts a new first message;
   * absent appends to the end of the active branch.
   */
  parentId?: string | null;
  role: StoredMessage['role'];
  content: string;
  model?: string | null;
  status?: StoredMessage['status'];
  usageId?: string | null;
  attachments?: AttachmentInput[];
}

export interface ConversationChanges {
  title?: string;
  isPinned?: boolean;
  modelId?: string;
  settings?: ConversationSettings;
}

/**
 * Conversations as trees of messages. A message's versions are the messages with the same parent; the
 * active one among them is the one chosen last (`active_rank`), and the active branch follows the active
 * version from the first message down.
 */
export interface ConversationStore {
  createConversation(input: {
    title: string;
    modelId?: string | null;
    settings?: ConversationSettings;
  }): ConversationSummary;
  /** Undefined when there is none, or it was removed. */
  getConversation(conversationId: string): ConversationSummary | undefined;
  /** Pinned first, then the most recently changed; removed ones and Compare panes not continued are left out. */
  listConversations(): ConversationSummary[];
  /** Throws UNKNOWN_CONVERSATION when there is none. */
  updateConversation(conversationId: string, changes: ConversationChanges): ConversationSummary;
  /** Soft delete: hidden everywhere until restored or purged. True when it was there. */
  removeConversation(conversationId: string, now?: string): boolean;
  /** True when it was removed and is back. */
  restoreConversation(conversationId: string): boolean;
  /** Deletes for good what was removed at or before `before` (ISO); answers how many. */
  purgeRemovedConversations(before: string): number;
  addMessage(input: NewMessage): StoredMessage;
  /** Every message of every branch, in the order they were written. */
  listMessages(conversationId: string): StoredMessage[];
  getMessage(conversationId: string, messageId: string): StoredMessage | undefined;
  /** The active branch, first message first. */
  activePath(conversationId: string): PathMessage[];
  /** From the first message down to `messageId`, whichever branch is active. */
  pathTo(conversationId: string, messageId: string): PathMessage[];
  /** Makes the branch through `messageId` the active one; false when the message is not there. */
  activateMessage(conversationId: string, messageId: string): boolean;
  /** Every message matching the words of `query` (prefixes too), best first. */
  searchMessages(query: string, limit: number): SearchHit[];
  /** Everything needed to import it back elsewhere. */
  exportConversation(conversationId: string, exportedAt: string): ConversationFile;
  /** A new conversation from a checked export, in one transaction: whole or not at all. */
  importConversation(file: ConversationFile): ConversationSummary;
}
