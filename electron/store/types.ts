import type { ConversationSummary, StoredMessage } from '../../shared/contract/chat';
import type { ModelSpend } from '../../shared/contract/usage';
import type { CallSource, UsageRecord } from '../../shared/types/usage';
import type { CachedAnswer } from '../gateway/types';
import type { ModelListTable } from './model-lists';

export interface UsageQuery {
  /** ISO date or time; rows created at or after it. */
  since?: string;
  source?: CallSource;
  limit?: number;
}

/** Conversations, messages and the usage history, in one SQLite file. */
export interface Store {
  /** Each endpoint's model list as last fetched. */
  modelLists: ModelListTable;
  createConversation(input: { title: string }): ConversationSummary;
  listConversations(): ConversationSummary[];
  /** True when it was there. */
  removeConversation(conversationId: string): boolean;
  addMessage(input: {
    conversationId: string;
    role: StoredMessage['role'];
    content: string;
    model?: string | null;
    status?: StoredMessage['status'];
    usageId?: string | null;
  }): StoredMessage;
  listMessages(conversationId: string): StoredMessage[];
  recordUsage(record: UsageRecord): void;
  /** Newest first. */
  listUsage(query?: UsageQuery): UsageRecord[];
  /** Every matching call summed by model, most expensive first. */
  spendByModel(query?: Omit<UsageQuery, 'limit'>): ModelSpend[];
  /** A kept answer that has not expired by `now` (ISO). */
  getCachedAnswer(key: string, now: string): CachedAnswer | undefined;
  /** Keeps an answer until `expiresAt` (ISO), replacing any under the same key; drops expired ones. */
  putCachedAnswer(key: string, answer: CachedAnswer, now: string, expiresAt: string): void;
  close(): void;
}
