import type { Attempt, CallStatus, NormalizedUsage, UsageRecord } from './usage';

/** An image sent with a question, as the provider gets it. */
export interface ImagePart {
  kind: 'image';
  /** `image/png`, `image/jpeg`, `image/gif` or `image/webp`. */
  mediaType: string;
  dataBase64: string;
}

/** One message of a chat, as sent to a model. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  /** The text, text files included (inlined as fenced blocks). */
  content: string;
  /** Images sent with a user message, after its text. */
  attachments?: ImagePart[];
}

/**
 * What a routed call streams, in order: attempts as they start and fail, text and reasoning
 * deltas, and exactly one terminal part (`finish` or `error`), which carries the usage record.
 */
export type CallPart =
  | { type: 'attempt-start'; target: string }
  /** The answer is replayed from the route's cache: no provider is called. */
  | { type: 'cache-hit'; target: string }
  | { type: 'attempt-error'; attempt: Attempt }
  | { type: 'text-delta'; text: string }
  | { type: 'reasoning-delta'; text: string }
  | { type: 'finish'; record: UsageRecord; notSaved?: string; messageId?: string }
  | { type: 'error'; code: string; message: string; record: UsageRecord; notSaved?: string; messageId?: string };

/**
 * `notSaved` on a terminal part: the call or its answer could not be written to the history
 * (a full disk, say), with the reason and the fix. The answer itself was delivered whole.
 * `messageId`: the answer as the history keeps it, for a chat's answer that was saved.
 */
export type TerminalPart = Extract<CallPart, { type: 'finish' | 'error' }>;

export type { Attempt, CallStatus, NormalizedUsage };
