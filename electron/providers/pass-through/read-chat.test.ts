// The Chat Completions reader's text-delta shortcut says what a whole parse says, for every kind of chunk.
import { describe, expect, it } from 'vitest';
import type { RawAccount } from '../raw-usage';
import { chatReader } from './read-chat';

const chunk = (choice: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', ...extra, choices: [choice] });

const chunks: Record<string, string> = {
  text: chunk({ index: 0, delta: { content: 'Hello' }, logprobs: null, finish_reason: null }),
  'text with quotes, escapes and a key-like phrase': chunk({
    index: 0,
    delta: { content: 'say "usage": {"error": 1}\n\\ ünï 😀' },
    finish_reason: null,
  }),
  'spaces after colons': '{"model": "m", "choices": [{"index": 0, "delta": {"content": "Hi"}, "finish_reason": null}]}',
  'empty text': chunk({ index: 0, delta: { content: '' }, finish_reason: null }),
  'no content': chunk({ index: 0, delta: {}, finish_reason: null }),
  'content null': chunk({ index: 0, delta: { content: null }, finish_reason: null }),
  finish: chunk({ index: 0, delta: {}, finish_reason: 'stop' }),
  'finish with text': chunk({ index: 0, delta: { content: 'end' }, finish_reason: 'length' }),
  usage: JSON.stringify({ id: 'c', model: 'm', choices: [], usage: { prompt_tokens: 3, completion_tokens: 4 } }),
  'usage beside text': chunk(
    { index: 0, delta: { content: 'x' } },
    { usage: { prompt_tokens: 1, completion_tokens: 1 } },
  ),
  'tool call': chunk({
    index: 0,
    delta: { tool_calls: [{ index: 0, function: { arguments: '{"q":1}' } }] },
    finish_reason: null,
  }),
  reasoning: chunk({ index: 0, delta: { reasoning_content: 'hmm' }, finish_reason: null }),
  'reasoning (OpenRouter)': chunk({ index: 0, delta: { reasoning: 'hmm', content: '' }, finish_reason: null }),
  refusal: chunk({ index: 0, delta: { refusal: 'no' }, finish_reason: null }),
  logprobs: chunk({ index: 0, delta: { content: 'a' }, logprobs: { content: [{ token: 'b' }] }, finish_reason: null }),
  'two choices': JSON.stringify({
    model: 'm',
    choices: [
      { index: 0, delta: { content: 'a' } },
      { index: 1, delta: { content: 'b' } },
    ],
  }),
  error: JSON.stringify({ error: { message: 'overloaded' } }),
  'not JSON': '{"choices": [{"delta": {"content": "cut',
};

describe('Chat Completions events after the first', () => {
  it.each(Object.keys(chunks))('%s: the same reading and account as a whole parse', (name) => {
    const data = chunks[name]!;
    // The shortcut applies once the model is known; a fresh account reads every chunk whole.
    const quick: RawAccount = { model: 'm' };
    const whole: RawAccount = {};
    const quickReading = chatReader.readEvent(data, undefined, quick, true);
    const wholeReading = chatReader.readEvent(data, undefined, whole, true);
    expect(quickReading).toEqual(wholeReading);
    expect({ ...quick, model: undefined }).toEqual({ ...whole, model: undefined });
  });

  it('reads a plain text delta without parsing it', () => {
    const parse = JSON.parse;
    let parses = 0;
    JSON.parse = (...args: Parameters<typeof JSON.parse>) => {
      parses += 1;
      return parse(...args);
    };
    try {
      const reading = chatReader.readEvent(chunks.text!, undefined, { model: 'm' }, true);
      expect(reading).toEqual({ content: 'text', text: 'Hello', hasModel: true });
    } finally {
      JSON.parse = parse;
    }
    expect(parses).toBe(0);
  });
});
