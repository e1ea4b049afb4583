import type { EventReading } from './event-reading';
import { textDelta } from './read-chat';
import { rewriteModel } from './rewrite-model';

/** A plain text delta read by the shape: its reading, and the event with the served model in it. */
export interface ShapedDelta {
  reading: EventReading;
  rewritten: string;
}

/** Learning stops after this many events in a row that do not repeat the last shape (fields that vary per event). */
const mostMisses = 8;

/**
 * Most of a Chat Completions stream is one chunk repeated with only its text changed: same id, created, model,
 * index and finish_reason. The text around the last plain text delta's content (its head and tail) is kept with
 * the served model already in it; an event with that same head and tail and a content without quotes or
 * backslashes is the same kind of event, read and rewritten without scanning it. Anything else (another shape, a
 * content with escapes) is read as before, so the reading is always the one `chatReader` gives.
 */
export class DeltaShape {
  private head: string | undefined;
  private tail = '';
  private rewrittenHead = '';
  private rewrittenTail = '';
  private misses = 0;

  constructor(
    private readonly served: string,
    private readonly servedJson: string,
  ) {}

  /** The reading and rewritten event when `data` has the last shape; undefined otherwise. */
  read(data: string): ShapedDelta | undefined {
    const { head, tail } = this;
    if (head === undefined || data.length <= head.length + tail.length) return undefined;
    const start = head.length;
    const end = data.length - tail.length;
    // Compared as whole strings: V8 compares those in one go, where startsWith goes character by character.
    if (data.slice(0, start) !== head || data.slice(end) !== tail) return undefined;
    // Only a content with no quote or backslash: then nothing of the event's structure hides in it.
    const quote = data.indexOf('"', start);
    if (quote !== end) return undefined;
    const slash = data.indexOf('\\', start);
    if (slash !== -1 && slash < end) return undefined;
    const text = data.slice(start, end);
    // The one content that, with its own quotes, reads as the "model" key the rewrite looks for.
    if (text === 'model') return undefined;
    this.misses = 0;
    return {
      reading: { content: 'text', text, hasModel: true },
      rewritten: `${this.rewrittenHead}${text}${this.rewrittenTail}`,
    };
  }

  /**
   * Keeps the shape of an event read the usual way as a plain text delta (`text` its content), when its content
   * is found where it says and the model's rewrite lies wholly in its head or its tail.
   */
  learn(data: string, text: string): void {
    if (this.misses >= mostMisses) return;
    this.misses += 1;
    // Only an event the text-delta shortcut itself reads as text: one delta, nothing to count, finish or fail.
    const quick = textDelta(data);
    if (quick?.content !== 'text' || quick.text !== text) return;
    const delta = data.indexOf('"delta"');
    const key = delta === -1 ? -1 : data.indexOf('"content"', delta);
    if (key === -1) return;
    let start = key + 9;
    while (data.charCodeAt(start) === 32) start += 1;
    if (data.charCodeAt(start) !== 58) return; // ':'
    start += 1;
    while (data.charCodeAt(start) === 32) start += 1;
    if (data.charCodeAt(start) !== 34) return; // '"'
    start += 1;
    const end = start + text.length;
    if (data.charCodeAt(end) !== 34 || data.slice(start, end) !== text || text === 'model') return;
    if (text.length === 0 || text.includes('"') || text.includes('\\')) return;
    const head = data.slice(0, start);
    const tail = data.slice(end);
    const rewrittenHead = rewriteModel(head, this.served, this.servedJson);
    const rewrittenTail = rewriteModel(tail, this.served, this.servedJson);
    // The whole event's rewrite must be the head's or the tail's (or none): else it is not kept.
    const rewritten = rewriteModel(data, this.served, this.servedJson);
    const isInHead = rewritten === `${rewrittenHead}${text}${tail}`;
    const isInTail = rewrittenHead === head && rewritten === `${head}${text}${rewrittenTail}`;
    if (!isInHead && !isInTail) return;
    this.rewrittenHead = isInHead ? rewrittenHead : head;
    this.rewrittenTail = isInHead ? tail : rewrittenTail;
    this.head = head;
    this.tail = tail;
  }
}
