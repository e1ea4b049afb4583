// What a client reads from a pass-through call is still OpenAI's format: OpenAI's own recorded streams,
// replayed by the fake provider and forwarded by Switchboard (model rewritten, usage chunk kept back), are
// checked event by event against OpenAI's published schemas.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCapture } from '../fake-provider';
import { hasKeyring, startHarness, type Harness } from './api-harness';
import { openAISpecErrors, type OpenAIRoot } from './openai-spec';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.close());

/** Every `data:` payload of an SSE body, parsed; `[DONE]` left out. */
function dataEvents(body: string): unknown[] {
  return body
    .split(/\r?\n\r?\n/)
    .flatMap((event) => event.split(/\r?\n/).filter((line) => line.startsWith('data:')))
    .map((line) => line.slice(5).trim())
    .filter((data) => data !== '[DONE]' && data !== '')
    .map((data) => JSON.parse(data) as unknown);
}

async function post(path: string, body: object): Promise<{ status: number; text: string }> {
  const response = await fetch(`${harness.server.apiBase}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${harness.server.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, text: await response.text() };
}

function expectValid(root: OpenAIRoot, events: unknown[]) {
  expect(events.length).toBeGreaterThan(1);
  const problems = events
    .map((event, index) => [index, openAISpecErrors(root, event)] as const)
    .filter(([, errors]) => errors !== '')
    .map(([index, errors]) => `event ${index}: ${errors}`);
  expect(problems).toEqual([]);
}

describe.skipIf(!hasKeyring)('pass-through answers against OpenAI’s schemas', () => {
  it.each([
    ['a client that asked for usage', true],
    ['a client that did not', false],
  ])('Chat Completions, OpenAI’s own stream, for %s', async (_label, includeUsage) => {
    harness.fake.enqueue({ kind: 'replay', chunks: loadCapture('openai-chat/openai-text.chunks.txt') });
    const { status, text } = await post('/chat/completions', {
      model: 'compat/m',
      messages: [{ role: 'user', content: 'Hi' }],
      stream: true,
      ...(includeUsage ? { stream_options: { include_usage: true } } : {}),
    });
    expect(status).toBe(200);
    const events = dataEvents(text) as { model: string; usage?: unknown }[];
    expectValid('CreateChatCompletionStreamResponse', events);
    expect(new Set(events.map((event) => event.model))).toEqual(new Set(['compat/m']));
    expect(events.some((event) => event.usage)).toBe(includeUsage);
  });

  it('Responses, cut mid-answer: the forwarded events and the response.failed that ends them are valid', async () => {
    // OpenAI's own opening events, then text in the shape OpenAI streams it, then the connection is cut.
    const [created, inProgress] = loadCapture('openai-responses/openai-error.1.chunks.txt');
    const item = { id: 'msg_1', type: 'message', status: 'in_progress', role: 'assistant', content: [] };
    const at = { item_id: 'msg_1', output_index: 0, content_index: 0 };
    const chunks = [
      created!,
      inProgress!,
      JSON.stringify({ type: 'response.output_item.added', sequence_number: 2, output_index: 0, item }),
      JSON.stringify({
        type: 'response.content_part.added',
        sequence_number: 3,
        ...at,
        part: { type: 'output_text', text: '', annotations: [], logprobs: [] },
      }),
      JSON.stringify({ type: 'response.output_text.delta', sequence_number: 4, ...at, delta: 'Half an', logprobs: [] }),
      JSON.stringify({ type: 'response.output_text.delta', sequence_number: 5, ...at, delta: ' answer', logprobs: [] }),
    ];
    harness.fake.enqueue({ kind: 'replay', chunks, cutAfter: chunks.length });
    const { status, text } = await post('/responses', { model: 'oai/g', input: 'Hi', stream: true });
    expect(status).toBe(200);
    const events = dataEvents(text) as { type: string; response?: { model: string } }[];
    // OpenAI's own opening events are forwarded as they came (only the model renamed), even where they stray
    // from OpenAI's published schema (`user: null`, `usage: null`); everything after them is checked against it.
    const opening = JSON.parse(created!) as { response: { model: string } };
    expect(events[0]).toEqual({ ...opening, response: { ...opening.response, model: 'oai/g' } });
    expectValid('ResponseStreamEvent', events.slice(2));
    expect(events.filter((event) => event.type === 'response.output_text.delta')).toHaveLength(2);
    expect(events.at(-1)!.type).toBe('response.failed');
    expect(events.some((event) => event.type === 'response.completed')).toBe(false);
  });
});
