import type { RawAccount } from '../raw-usage';

/** What an answer's content is: the first event with content is the first token. */
export type WireContent = 'text' | 'reasoning' | 'tool-call' | 'other';

/** What one provider event (or a whole non-streaming body) means for the call. */
export interface EventReading {
  content?: WireContent;
  /** The text it adds: answer text, reasoning, or a tool call's arguments. */
  text?: string;
  /** The event names the response's model, which the client sees as the target that served. */
  hasModel?: boolean;
  /** The stream's last event: the call finishes after it. */
  isEnd?: boolean;
  /** Not for the client: Switchboard's own usage chunk, or a ping before any content. */
  isSkipped?: boolean;
  /** A ping: forwarded once the answer has started, dropped before. */
  isPing?: boolean;
  /** The event (or body) reports a failure: its error payload, never forwarded as it is. */
  error?: unknown;
  /** Not JSON, or not the protocol's shape: the stream is not what the protocol promises. */
  isUnreadable?: boolean;
}

/** Reads one protocol's events and bodies, folding usage, the served model and the finish into the account. */
export interface WireReader {
  readEvent(data: string, name: string | undefined, account: RawAccount, isUsageAdded: boolean): EventReading;
  readBody(body: Json, account: RawAccount): EventReading;
  /** Whether a stream that ended without its terminator still finished (Chat Completions without `[DONE]`). */
  isFinishedWithoutEnd(account: RawAccount): boolean;
}

export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const unreadable: EventReading = { isUnreadable: true };

/** Parses one event's JSON; undefined when it is not a JSON object. */
export function parseEvent(data: string): Json | undefined {
  try {
    const value: unknown = JSON.parse(data);
    return value !== null && typeof value === 'object' ? (value as Json) : undefined;
  } catch {
    return undefined;
  }
}

/** A non-empty string, or undefined. */
export const textOf = (value: unknown): string | undefined =>
  typeof value === 'string' && value.length > 0 ? value : undefined;

/** `"key"`'s string value at or after `from`, read as text; undefined when the key or a string value is not there. */
export function stringField(data: string, key: string, from = 0): string | undefined {
  const at = data.indexOf(key, from);
  if (at === -1) return undefined;
  let index = at + key.length;
  while (data.charCodeAt(index) === 32) index += 1;
  if (data.charCodeAt(index) !== 58) return undefined; // ':'
  index += 1;
  while (data.charCodeAt(index) === 32) index += 1;
  if (data.charCodeAt(index) !== 34) return undefined; // '"'
  const start = index + 1;
  let end = start;
  let isEscaped = false;
  while (end < data.length) {
    const code = data.charCodeAt(end);
    if (code === 92) {
      isEscaped = true;
      end += 2;
    } else if (code === 34) break;
    else end += 1;
  }
  if (end >= data.length) return undefined;
  if (!isEscaped) return data.slice(start, end);
  try {
    return JSON.parse(data.slice(start - 1, end + 1)) as string;
  } catch {
    return undefined;
  }
}
