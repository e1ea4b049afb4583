import type { Attempt, CallStatus, NormalizedUsage, UsageRecord } from './usage';

/** One message of a chat, as sent to a model. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
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
  | { type: 'finish'; record: UsageRecord; notSaved?: string }
  | { type: 'error'; code: string; message: string; record: UsageRecord; notSaved?: string };

/**
 * `notSaved` on a terminal part: the call or its answer could not be written to the history
 * (a full disk, say), with the reason and the fix. The answer itself was delivered whole.
 */
export type TerminalPart = Extract<CallPart, { type: 'finish' | 'error' }>;

export type { Attempt, CallStatus, NormalizedUsage };
