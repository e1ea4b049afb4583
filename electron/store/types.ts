import type { ModelSpend } from '../../shared/contract/usage';
import type { CallSource, UsageRecord } from '../../shared/types/usage';
import type { CachedAnswer } from '../gateway/types';
import type { ConversationStore } from './conversation-types';

export interface UsageQuery {
  /** ISO date or time; rows created at or after it. */
  since?: string;
  source?: CallSource;
  limit?: number;
}

/** Conversations (conversation-types.ts), the usage history and kept answers, in one SQLite file. */
export interface Store extends ConversationStore {
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
