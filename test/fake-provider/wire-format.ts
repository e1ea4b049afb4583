/** The four wire formats the fake speaks, told apart by the request path as the real APIs are. */
export type WireFormat = 'openai-chat' | 'openai-responses' | 'anthropic' | 'google';

export function formatForPath(path: string): WireFormat | undefined {
  if (path.endsWith('/chat/completions')) return 'openai-chat';
  if (path.endsWith('/responses')) return 'openai-responses';
  if (path.endsWith('/messages')) return 'anthropic';
  if (/:(stream)?[gG]enerateContent$/.test(path)) return 'google';
  return undefined;
}

/** One payload as that provider frames it (WIRE-FACTS.md). */
export function frameEvent(format: WireFormat, payload: string, lineEnd = '\n'): string {
  if (format === 'anthropic' || format === 'openai-responses') {
    const type = (JSON.parse(payload) as { type: string }).type;
    return `event: ${type}${lineEnd}data: ${payload}${lineEnd}${lineEnd}`;
  }
  return `data: ${payload}${lineEnd}${lineEnd}`;
}

/** What closes a clean stream: only Chat Completions has a terminator of its own. */
export function terminator(format: WireFormat, lineEnd = '\n'): string {
  return format === 'openai-chat' ? `data: [DONE]${lineEnd}${lineEnd}` : '';
}

/** Splits bytes into pieces of `size` (or random sizes), cutting lines and UTF-8 characters anywhere. */
export function splitBytes(bytes: Buffer, size: number | 'random' | undefined, random = Math.random): Buffer[] {
  if (size === undefined) return [bytes];
  const pieces: Buffer[] = [];
  for (let offset = 0; offset < bytes.length;) {
    const length = size === 'random' ? 1 + Math.floor(random() * 40) : size;
    pieces.push(bytes.subarray(offset, offset + length));
    offset += length;
  }
  return pieces;
}
