import { describe, expect, it } from 'vitest';
import { frameEvent, SseSplitter, type SseEvent } from './sse-splitter';

/** Every event of `text` fed in pieces of `size` characters. */
function split(text: string, size: number): SseEvent[] {
  const splitter = new SseSplitter();
  const events: SseEvent[] = [];
  for (let offset = 0; offset < text.length; offset += size) {
    events.push(...splitter.push(text.slice(offset, offset + size)));
  }
  const last = splitter.end();
  return last ? [...events, last] : events;
}

const stream = [
  ': OPENROUTER PROCESSING',
  '',
  'event: message_start',
  'data: {"type":"message_start"}',
  '',
  'id: 7',
  'retry: 1000',
  'data: {"a":',
  'data: 1}',
  '',
  'data:[DONE]',
  '',
  '',
].join('\n');

const expected: SseEvent[] = [
  { name: 'message_start', data: '{"type":"message_start"}' },
  { name: undefined, data: '{"a":\n1}' },
  { name: undefined, data: '[DONE]' },
];

describe('the SSE splitter', () => {
  it('yields whole events with their names, joins data lines, and drops comments and other fields', () => {
    expect(split(stream, stream.length)).toEqual(expected);
  });

  it('gives the same events whatever the pieces, with LF, CRLF or CR line ends', () => {
    for (const lineEnd of ['\n', '\r\n', '\r']) {
      const text = stream.replaceAll('\n', lineEnd);
      for (const size of [1, 2, 3, 5, 7, 64])
        expect(split(text, size), `${JSON.stringify(lineEnd)} by ${size}`).toEqual(expected);
    }
  });

  it('keeps the last event of a stream that ends without a blank line', () => {
    expect(split('data: {"x":1}\n\ndata: {"y":2}', 4)).toEqual([
      { name: undefined, data: '{"x":1}' },
      { name: undefined, data: '{"y":2}' },
    ]);
    expect(split(': only a comment\n', 3)).toEqual([]);
  });

  it('frames an event back as SSE text, a line of data per line', () => {
    expect(frameEvent(undefined, '{"x":1}')).toBe('data: {"x":1}\n\n');
    expect(frameEvent('ping', '{"type":"ping"}')).toBe('event: ping\ndata: {"type":"ping"}\n\n');
    expect(frameEvent(undefined, '{"a":\n1}')).toBe('data: {"a":\ndata: 1}\n\n');
    expect(split(frameEvent('x', 'one\ntwo'), 3)).toEqual([{ name: 'x', data: 'one\ntwo' }]);
  });
});
