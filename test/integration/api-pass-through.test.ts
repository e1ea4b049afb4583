// Each protocol to a target that speaks it, through the official clients: the body passes through, the
// provider's events come back, usage is priced, and failover happens before the first token only.
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hasKeyring, lastRow, prices, providerKeys, startHarness, type Harness } from './api-harness';

let harness: Harness;
let openai: OpenAI;
let anthropic: Anthropic;

beforeAll(async () => {
  harness = await startHarness();
  openai = new OpenAI({ baseURL: harness.server.apiBase, apiKey: harness.server.token, maxRetries: 0 });
  anthropic = new Anthropic({ baseURL: harness.origin, apiKey: harness.server.token, maxRetries: 0 });
});
afterAll(() => harness?.close());
beforeEach(() => {
  harness.fake.clearQueue();
  harness.other.clearQueue();
});

const usage = { inputTokens: 1000, outputTokens: 500 };
const costOf = (price: { input: number; output: number }) => (1000 * price.input + 500 * price.output) / 1e6;
const toolCalls = [
  { id: 'call_a', name: 'weather', arguments: '{"city":"Paris"}' },
  { id: 'call_b', name: 'time', arguments: '{"zone":"CET"}' },
];
const tools: OpenAI.ChatCompletionTool[] = [
  {
    type: 'function',
    function: { name: 'weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } },
  },
  { type: 'function', function: { name: 'time', parameters: { type: 'object' } } },
];

describe.skipIf(!hasKeyring)('pass-through, with the official clients', () => {
  it('Chat Completions streams parallel tool calls that reassemble, tools untouched, and prices the call', async () => {
    harness.fake.enqueue({ kind: 'text', text: '', toolCalls, usage, model: 'm-2025' });
    const messages: OpenAI.ChatCompletionMessageParam[] = [{ role: 'user', content: 'Weather and time in Paris?' }];
    const stream = await openai.chat.completions.create({
      model: 'compat/m',
      messages,
      tools,
      tool_choice: 'auto',
      parallel_tool_calls: true,
      stream: true,
    });
    const calls: { id?: string; name?: string; arguments: string }[] = [];
    const chunks: OpenAI.ChatCompletionChunk[] = [];
    for await (const chunk of stream) {
      chunks.push(chunk);
      for (const delta of chunk.choices[0]?.delta.tool_calls ?? []) {
        calls[delta.index] ??= { arguments: '' };
        calls[delta.index]!.id ??= delta.id;
        calls[delta.index]!.name ??= delta.function?.name;
        calls[delta.index]!.arguments += delta.function?.arguments ?? '';
      }
    }
    expect(calls).toEqual(toolCalls.map(({ id, name, arguments: args }) => ({ id, name, arguments: args })));
    expect(chunks.at(-1)!.choices[0]!.finish_reason).toBe('tool_calls');
    // Usage was asked for on the client's behalf, and its chunk kept from a client that did not ask.
    expect(chunks.every((chunk) => !chunk.usage)).toBe(true);
    expect(new Set(chunks.map((chunk) => chunk.model))).toEqual(new Set(['compat/m']));
    const upstream = harness.fake.requests.at(-1)!;
    expect(upstream.body).toEqual({
      model: 'm',
      messages,
      tools,
      tool_choice: 'auto',
      parallel_tool_calls: true,
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(lastRow(harness.services)).toMatchObject({
      status: 'ok',
      target: 'compat/m',
      servedModel: 'm-2025',
      finishReason: 'tool_calls',
      apiProtocol: 'openai-chat',
      apiPath: 'pass-through',
      usage: { inputTokens: 1000, outputTokens: 500 },
      costSource: 'config',
    });
    expect(lastRow(harness.services).costUSD).toBeCloseTo(costOf(prices.compat), 12);
  });

  it('Chat Completions without streaming answers with the tool calls and the tool results go back as sent', async () => {
    harness.fake.enqueue({ kind: 'text', text: '', toolCalls: toolCalls.slice(0, 1), usage });
    const completion = await openai.chat.completions.create({
      model: 'compat/m',
      messages: [{ role: 'user', content: 'Weather?' }],
      tools,
    });
    const call = completion.choices[0]!.message.tool_calls![0]!;
    expect(call).toMatchObject({ id: 'call_a', function: { name: 'weather', arguments: '{"city":"Paris"}' } });
    harness.fake.enqueue({ kind: 'text', text: 'Sunny, 21°C.', usage });
    const messages: OpenAI.ChatCompletionMessageParam[] = [
      { role: 'user', content: 'Weather?' },
      completion.choices[0]!.message,
      { role: 'tool', tool_call_id: call.id, content: '{"sky":"sunny","celsius":21}' },
    ];
    const answer = await openai.chat.completions.create({ model: 'compat/m', messages, tools });
    expect(answer.choices[0]!.message.content).toBe('Sunny, 21°C.');
    expect(harness.fake.requests.at(-1)!.body.messages).toEqual(JSON.parse(JSON.stringify(messages)));
  });

  it('Messages streams through to Anthropic with Switchboard’s key, the client’s version, and tool_use', async () => {
    harness.fake.enqueue({
      kind: 'text',
      text: 'Let me check.',
      toolCalls: toolCalls.slice(0, 1),
      usage,
      model: 'c-1',
    });
    const stream = anthropic.messages.stream(
      {
        model: 'claude/c',
        max_tokens: 256,
        messages: [{ role: 'user', content: 'Weather in Paris?' }],
        tools: [{ name: 'weather', input_schema: { type: 'object', properties: { city: { type: 'string' } } } }],
      },
      { headers: { 'anthropic-version': '2024-10-22', 'anthropic-beta': 'fine-grained-tool-streaming-2025-05-14' } },
    );
    const message = await stream.finalMessage();
    expect(message.model).toBe('claude/c');
    expect(message.content).toEqual([
      { type: 'text', text: 'Let me check.' },
      { type: 'tool_use', id: 'call_a', name: 'weather', input: { city: 'Paris' } },
    ]);
    expect(message.stop_reason).toBe('tool_use');
    const upstream = harness.fake.requests.at(-1)!;
    expect(upstream.path).toBe('/v1/messages');
    expect(upstream.headers['x-api-key']).toBe(providerKeys.claude);
    expect(upstream.headers['anthropic-version']).toBe('2024-10-22');
    expect(upstream.headers['anthropic-beta']).toBe('fine-grained-tool-streaming-2025-05-14');
    expect(upstream.body.model).toBe('c');
    const row = lastRow(harness.services);
    expect(row).toMatchObject({ apiProtocol: 'anthropic', apiPath: 'pass-through', finishReason: 'tool_use' });
    expect(row.costUSD).toBeCloseTo(costOf(prices.claude), 12);
  });

  it('Messages without streaming is the provider’s message, its model naming the target', async () => {
    harness.fake.enqueue({ kind: 'text', text: 'Bonjour.', usage });
    const message = await anthropic.messages.create({
      model: 'claude/c',
      max_tokens: 64,
      messages: [{ role: 'user', content: 'Say hello in French' }],
    });
    expect(message).toMatchObject({ model: 'claude/c', content: [{ type: 'text', text: 'Bonjour.' }] });
    expect(message.usage).toMatchObject({ input_tokens: 1000, output_tokens: 500 });
  });

  it('Responses streams and answers whole, with a function call round trip sent stateless', async () => {
    harness.fake.enqueue({ kind: 'text', text: '', toolCalls: toolCalls.slice(0, 1), usage });
    const first = await openai.responses.create({
      model: 'oai/g',
      input: 'Weather in Paris?',
      tools: [{ type: 'function', name: 'weather', parameters: { type: 'object' }, strict: false }],
      store: false,
    });
    const call = first.output.find((item) => item.type === 'function_call')!;
    expect(call).toMatchObject({ call_id: 'call_a', name: 'weather', arguments: '{"city":"Paris"}' });
    expect(harness.fake.requests.at(-1)!.headers.authorization).toBe(`Bearer ${providerKeys.oai}`);

    harness.fake.enqueue({ kind: 'text', text: 'It is sunny.', usage });
    const input: OpenAI.Responses.ResponseInput = [
      { role: 'user', content: 'Weather in Paris?' },
      call as OpenAI.Responses.ResponseFunctionToolCall,
      { type: 'function_call_output', call_id: 'call_a', output: '{"sky":"sunny"}' },
    ];
    const stream = await openai.responses.create({ model: 'oai/g', input, store: false, stream: true });
    let text = '';
    let completed: OpenAI.Responses.Response | undefined;
    for await (const event of stream) {
      if (event.type === 'response.output_text.delta') text += event.delta;
      if (event.type === 'response.completed') completed = event.response;
    }
    expect(text).toBe('It is sunny.');
    expect(completed).toMatchObject({ model: 'oai/g', usage: { input_tokens: 1000 } });
    expect(harness.fake.requests.at(-1)!.body.input).toEqual(JSON.parse(JSON.stringify(input)));
    const row = lastRow(harness.services);
    expect(row).toMatchObject({ apiProtocol: 'openai-responses', apiPath: 'pass-through', finishReason: 'completed' });
    expect(row.costUSD).toBeCloseTo(costOf(prices.oai), 12);
  });
});

describe('failover before the first token', () => {
  const ask = (model: string, extra: Record<string, unknown> = {}) =>
    openai.chat.completions
      .create({ model, messages: [{ role: 'user', content: 'Hi' }], stream: true, ...extra })
      .withResponse();
  const read = async (stream: AsyncIterable<OpenAI.ChatCompletionChunk>) => {
    const chunks: OpenAI.ChatCompletionChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    return { chunks, text: chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('') };
  };

  it('moves on from a dead first target', async () => {
    harness.fake.enqueue({ kind: 'text', text: 'Alive.' });
    const { data, response } = await ask('resilient');
    expect(response.headers.get('x-switchboard-target')).toBe('compat/m');
    expect((await read(data)).text).toBe('Alive.');
    expect(lastRow(harness.services).attempts.map((attempt) => [attempt.target, attempt.error?.code ?? null])).toEqual([
      ['dead/m', 'NETWORK'],
      ['compat/m', null],
    ]);
  });

  it('moves on from a 429', async () => {
    harness.other.enqueue({
      kind: 'http-error',
      status: 429,
      headers: { 'retry-after': '1' },
      body: { error: { message: 'Rate limit reached', type: 'rate_limit_error' } },
    });
    harness.fake.enqueue({ kind: 'text', text: 'From the second.' });
    const { data } = await ask('gate');
    expect((await read(data)).text).toBe('From the second.');
  });

  it('holds a first target’s role chunk back: when it fails before content, the client never sees it', async () => {
    harness.other.enqueue({ kind: 'text', text: 'never sent', errorAfterDeltas: 0, model: 'first-model' });
    harness.fake.enqueue({ kind: 'text', text: 'Clean start.', model: 'second-model' });
    const { data } = await ask('gate');
    const { chunks, text } = await read(data);
    expect(text).toBe('Clean start.');
    // Every chunk is the second target's: one role chunk, not two, and none naming the first.
    expect(new Set(chunks.map((chunk) => chunk.model))).toEqual(new Set(['compat/m']));
    expect(chunks.filter((chunk) => chunk.choices[0]?.delta.role === 'assistant')).toHaveLength(1);
    expect(harness.other.requests.at(-1)!.body.stream).toBe(true);
  });

  it('answers 429 with the provider’s retry-after when every target is rate-limited', async () => {
    harness.other.enqueue({
      kind: 'http-error',
      status: 429,
      headers: { 'retry-after': '7' },
      body: { error: { message: 'Rate limit reached', type: 'rate_limit_error' } },
    });
    const response = await fetch(`${harness.server.apiBase}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${harness.server.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'first-alone', messages: [{ role: 'user', content: 'Hi' }] }),
    });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('7');
  });

  it('answers an upstream 401 as a 401 that names the key to check, in the client’s format', async () => {
    const refusal = {
      kind: 'http-error' as const,
      status: 401,
      body: { error: { message: 'Incorrect API key provided' } },
    };
    harness.other.enqueue(refusal, refusal);
    const error = await openai.chat.completions
      .create({ model: 'first-alone', messages: [{ role: 'user', content: 'Hi' }] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
    expect((error as Error).message).toMatch(/not your local API key/);
    expect((error as Error).message).toMatch(/check the key for first/);
  });
});

describe('a failure after the first token', () => {
  it('reaches a Chat Completions client as an error event, never [DONE], and the row says interrupted', async () => {
    harness.fake.enqueue({ kind: 'text', text: 'This will break off', deltas: 4, errorAfterDeltas: 2 });
    const stream = await openai.chat.completions.create({
      model: 'compat/m',
      messages: [{ role: 'user', content: 'Hi' }],
      stream: true,
    });
    let text = '';
    await expect(
      (async () => {
        for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
      })(),
    ).rejects.toThrow(/stopped mid-answer/);
    expect(text).toBe('This will ');
    expect(lastRow(harness.services)).toMatchObject({ status: 'interrupted', apiPath: 'pass-through' });
  });

  it.skipIf(!hasKeyring)('reaches a Messages client as an error event', async () => {
    harness.fake.enqueue({ kind: 'text', text: 'Half an answer', deltas: 2, cutAfterDeltas: 1 });
    const stream = anthropic.messages.stream({
      model: 'claude/c',
      max_tokens: 64,
      messages: [{ role: 'user', content: 'Hi' }],
    });
    await expect(stream.finalMessage()).rejects.toThrow(/stopped mid-answer/);
  });
});

describe('a client that hangs up', () => {
  it('cancels the upstream request, and the call is a cancelled row priced from what came', async () => {
    harness.fake.enqueue({ kind: 'text', text: 'word '.repeat(100), deltas: 100, delayMs: 30 });
    const stream = await openai.chat.completions.create({
      model: 'compat/m',
      messages: [{ role: 'user', content: 'Talk for a while' }],
      stream: true,
    });
    for await (const chunk of stream) {
      if (chunk.choices[0]?.delta.content) break; // leaving the loop aborts the HTTP request
    }
    await harness.fake.requests.at(-1)!.aborted;
    await expect.poll(() => lastRow(harness.services).status).toBe('cancelled');
    expect(lastRow(harness.services)).toMatchObject({ apiPath: 'pass-through', costSource: 'estimate' });
  });
});
