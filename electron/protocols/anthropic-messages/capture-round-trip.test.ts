// Real Anthropic streams, read into neutral parts by the AI SDK's own Anthropic provider and written back
// by the encoder: the result must say what the capture said, in the same event sequence.
import { createAnthropic } from '@ai-sdk/anthropic';
import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { loadCapture } from '../../../test/fake-provider';
import { createMessagesStreamEncoder } from './stream-encoder';
import { toMessagesResponseBody } from './response-body';

type Event = { type: string } & Record<string, unknown>;

async function neutralParts(chunks: string[]): Promise<LanguageModelV4StreamPart[]> {
  const sse = chunks.map((chunk) => `event: ${JSON.parse(chunk).type}\ndata: ${chunk}\n\n`).join('');
  const fetch = async () => new Response(sse, { headers: { 'content-type': 'text/event-stream' } });
  const model = createAnthropic({ apiKey: 'sk-test', fetch }).languageModel('claude-sonnet-4-5');
  const { stream } = await model.doStream({ prompt: [{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }] });
  const parts: LanguageModelV4StreamPart[] = [];
  for await (const part of stream) parts.push(part);
  return parts;
}

const dataOf = (sse: string): Event[] =>
  sse
    .split('\n\n')
    .filter(Boolean)
    .map((frame) => JSON.parse(frame.split('\n')[1]!.slice('data: '.length)) as Event);

/**
 * Events that carry something: not pings, not empty deltas, not signatures (the provider's own; a
 * translated thinking block carries Switchboard's).
 */
function isMeaningful(event: Event): boolean {
  if (event.type === 'ping') return false;
  if (event.type !== 'content_block_delta') return true;
  const delta = event.delta as Record<string, string>;
  return delta.type !== 'signature_delta' && (delta.text ?? delta.thinking ?? delta.partial_json) !== '';
}

/** What a client keeps of a stream: the event order and each block's kind and content. */
function summary(allEvents: Event[]) {
  const events = allEvents.filter(isMeaningful);
  const content: Record<number, { type: string; text: string }> = {};
  for (const event of events) {
    const index = event.index as number;
    if (event.type === 'content_block_start') {
      content[index] = { type: (event.content_block as Event).type, text: '' };
    }
    if (event.type === 'content_block_delta') {
      const delta = event.delta as Record<string, string>;
      content[index]!.text += delta.text ?? delta.thinking ?? delta.partial_json ?? '';
    }
  }
  const end = events.find((event) => event.type === 'message_delta')!;
  return {
    sequence: events.map((event) => event.type),
    content: Object.values(content).map((block) =>
      block.type === 'tool_use' ? { ...block, text: JSON.parse(block.text || '{}') } : block,
    ),
    stopReason: (end.delta as Event).stop_reason,
    outputTokens: (end.usage as Event).output_tokens,
  };
}

const captures = [
  'anthropic/anthropic-text.chunks.txt',
  'anthropic/anthropic-json-tool.1.chunks.txt',
  'anthropic/anthropic-tool-no-args.chunks.txt',
  'anthropic/anthropic-clear-thinking.1.chunks.txt',
];

describe('encoding a real Anthropic stream back from neutral parts', () => {
  it.each(captures)('%s keeps its event sequence, blocks, stop reason and usage', async (capture) => {
    const chunks = loadCapture(capture);
    const original = chunks.map((chunk) => JSON.parse(chunk) as Event);
    const parts = await neutralParts(chunks);
    const encoder = createMessagesStreamEncoder({ id: 'msg_sb', model: 'anthropic/claude', created: 0 }, {});
    const encoded = dataOf(parts.map((part) => encoder.write(part)).join(''));

    const expected = summary(original);
    const actual = summary(encoded);
    expect(actual.sequence).toEqual(expected.sequence);
    expect(actual.content).toEqual(expected.content);
    expect(actual.stopReason).toBe(expected.stopReason);
    expect(actual.outputTokens).toBe(expected.outputTokens);

    // The same answer, not streamed, holds the same content.
    const body = toMessagesResponseBody({ id: 'msg_sb', model: 'anthropic/claude', created: 0 }, parts, {});
    expect(body.content.map((block) => block.type)).toEqual(expected.content.map((block) => block.type));
    expect(body.stop_reason).toBe(expected.stopReason);
    expect(body.usage.input_tokens).toBe(
      (original[0]!.message as { usage: { input_tokens: number } }).usage.input_tokens,
    );
  });
});
