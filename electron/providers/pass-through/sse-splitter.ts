/** One whole server-sent event: its `event:` name, if any, and its `data:` lines joined with `\n`. */
export interface SseEvent {
  name: string | undefined;
  data: string;
}

/**
 * Cuts a stream of text into whole server-sent events, however the bytes were split. Lines may end in LF,
 * CRLF or CR; comment lines (`: keep-alive`, `: OPENROUTER PROCESSING`) and `id:`/`retry:` fields are
 * dropped; an event without `data:` lines is no event.
 */
export class SseSplitter {
  private pending = '';
  /** A CR at the end of the last piece, which may be half of a CRLF. */
  private isCarryingCr = false;

  /** The events this piece of text completes. */
  push(piece: string): SseEvent[] {
    let text = piece;
    if (this.isCarryingCr) {
      text = `\r${text}`;
      this.isCarryingCr = false;
    }
    if (text.includes('\r')) {
      if (text.endsWith('\r')) {
        this.isCarryingCr = true;
        text = text.slice(0, -1);
      }
      text = text.replace(/\r\n?/g, '\n');
    }
    // A blank line ends an event: search only where one can newly start.
    const from = Math.max(0, this.pending.length - 1);
    const buffer = this.pending + text;
    let end = buffer.indexOf('\n\n', from);
    if (end === -1) {
      this.pending = buffer;
      return [];
    }
    const events: SseEvent[] = [];
    let start = 0;
    while (end !== -1) {
      const event = parseBlock(buffer.slice(start, end));
      if (event) events.push(event);
      start = end + 2;
      end = buffer.indexOf('\n\n', start);
    }
    this.pending = buffer.slice(start);
    return events;
  }

  /** The last event, when the stream ended without the blank line after it. */
  end(): SseEvent | undefined {
    const rest = this.pending;
    this.pending = '';
    this.isCarryingCr = false;
    return rest.trim().length > 0 ? parseBlock(rest) : undefined;
  }
}

function fieldValue(line: string, nameLength: number): string {
  // One space after the colon belongs to the syntax, not the value.
  return line.charCodeAt(nameLength + 1) === 32 ? line.slice(nameLength + 2) : line.slice(nameLength + 1);
}

function parseBlock(block: string): SseEvent | undefined {
  // The usual event is one `data:` line: no splitting needed.
  if (block.startsWith('data:') && !block.includes('\n')) return { name: undefined, data: fieldValue(block, 4) };
  let name: string | undefined;
  let data: string | undefined;
  for (const line of block.split('\n')) {
    if (line.startsWith('data:')) {
      const value = fieldValue(line, 4);
      data = data === undefined ? value : `${data}\n${value}`;
    } else if (line.startsWith('event:')) {
      name = fieldValue(line, 5);
    } else if (line === 'data') {
      data = data === undefined ? '' : `${data}\n`;
    }
  }
  return data === undefined ? undefined : { name, data };
}

/** One event as SSE text, ready to write: `event:` when it has a name, one `data:` line per line. */
export function frameEvent(name: string | undefined, data: string): string {
  const lines = data.includes('\n') ? `data: ${data.split('\n').join('\ndata: ')}` : `data: ${data}`;
  return name === undefined ? `${lines}\n\n` : `event: ${name}\n${lines}\n\n`;
}
