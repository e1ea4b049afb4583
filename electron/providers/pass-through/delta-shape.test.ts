// A delta read by its shape says and writes exactly what the usual reading and the model's rewrite do.
import { describe, expect, it } from 'vitest';
import { DeltaShape } from './delta-shape';
import { chatReader } from './read-chat';
import { rewriteModel } from './rewrite-model';

const served = 'fake/gpt-x';
const servedJson = JSON.stringify(served);
const chunk = (content: unknown, extra: Record<string, unknown> = {}, finish: string | null = null) =>
  JSON.stringify({
    id: 'chatcmpl-1',
    object: 'chat.completion.chunk',
    created: 1,
    model: 'gpt-x-2025',
    ...extra,
    choices: [{ index: 0, delta: { content }, finish_reason: finish }],
  });
const modelLast = (content: string) =>
  `{"id":"c","choices":[{"index":0,"delta":{"content":${JSON.stringify(content)}}}],"model":"m-tail"}`;

/** Reads `events` in order as the pass-through does, and as it did before shapes: both must agree. */
function readBoth(events: string[]) {
  const shape = new DeltaShape(served, servedJson);
  const account = { model: 'gpt-x-2025' };
  let shapedHits = 0;
  for (const data of events) {
    const expected = chatReader.readEvent(data, undefined, { ...account }, true);
    const expectedText = expected.hasModel ? rewriteModel(data, served, servedJson) : data;
    const shaped = shape.read(data);
    if (shaped !== undefined) {
      shapedHits += 1;
      expect(shaped.reading).toEqual(expected);
      expect(shaped.rewritten).toBe(expectedText);
    } else if (expected.content === 'text' && expected.text !== undefined) shape.learn(data, expected.text);
  }
  return shapedHits;
}

describe('DeltaShape', () => {
  it('reads the repeated deltas of a stream by their shape, the same as a whole reading', () => {
    const events = ['Hello', ' world', ' how', ' are', ' you'].map((text) => chunk(text));
    expect(readBoth(events)).toBe(4);
  });

  it('reads anything of another shape, or a content with quotes, escapes or key names, the usual way', () => {
    const events = [
      chunk('a'),
      chunk('b'),
      chunk('say "usage"'),
      chunk('back\\slash'),
      chunk('line\nbreak'),
      chunk('model'),
      chunk('usage'),
      chunk('delta'),
      chunk('finish_reason'),
      chunk('reasoning'),
      chunk(''),
      chunk(null),
      chunk('end', {}, 'stop'),
      chunk('x', { usage: { prompt_tokens: 1 } }),
      chunk('x', { id: 'chatcmpl-2' }),
      chunk('y', { id: 'chatcmpl-2' }),
      chunk('😀 ünï'),
    ];
    expect(readBoth(events)).toBeGreaterThan(2);
  });

  it('rewrites a model named after the content', () => {
    expect(readBoth(['one', 'two', 'model', 'three'].map(modelLast))).toBe(2);
  });

  it('stops learning a stream whose every event has a shape of its own', () => {
    const events = Array.from({ length: 20 }, (_, index) => chunk('t', { created: index }));
    expect(readBoth(events)).toBe(0);
  });
});
