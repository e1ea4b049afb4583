// A client's protocol to a target of another: translated through the AI SDK and back, with refusals
// for what cannot be honoured, and the route's cache replaying in the client's protocol.
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hasKeyring, lastRow, prices, startHarness, type Harness } from './api-harness';

let harness: Harness;
let openai: OpenAI;
let anthropic: Anthropic;

beforeAll(async () => {
  harness = await startHarness();
  openai = new OpenAI({ baseURL: harness.server.apiBase, apiKey: harness.server.token, maxRetries: 0 });
  anthropic = new Anthropic({ baseURL: harness.origin, apiKey: harness.server.token, maxRetries: 0 });
});
afterAll(() => harness?.close());
beforeEach(() => harness.fake.clearQueue());

const usage = { inputTokens: 1000, outputTokens: 500 };

describe('translated calls', () => {
  it('an Anthropic client on an OpenAI-compatible target streams the answer and prices it', async () => {
    harness.fake.enqueue({ kind: 'text', text: 'Translated hello.', usage });
    const message = await anthropic.messages
      .stream({ model: 'compat/m', max_tokens: 64, messages: [{ role: 'user', content: 'Hi' }] })
      .finalMessage();
    expect(message.content).toEqual([{ type: 'text', text: 'Translated hello.' }]);
    expect(harness.fake.requests.at(-1)!.path).toBe('/v1/chat/completions');
    const row = lastRow(harness.services);
    expect(row).toMatchObject({ apiProtocol: 'anthropic', apiPath: 'translated', target: 'compat/m' });
    expect(row.usage).toMatchObject({ inputTokens: 1000, outputTokens: 500 });
    expect(row.costUSD).toBeCloseTo((1000 * prices.compat.input + 500 * prices.compat.output) / 1e6, 12);
  });

  it.skipIf(!hasKeyring)('a Chat Completions client on an Anthropic target gets its answer whole', async () => {
    harness.fake.enqueue({ kind: 'text', text: 'From Claude.', usage });
    const completion = await openai.chat.completions.create({
      model: 'claude/c',
      messages: [{ role: 'user', content: 'Hi' }],
      max_tokens: 64,
    });
    expect(completion.choices[0]!.message.content).toBe('From Claude.');
    expect(completion.model).toBe('claude/c');
    expect(harness.fake.requests.at(-1)!.path).toBe('/v1/messages');
    expect(lastRow(harness.services)).toMatchObject({ apiProtocol: 'openai-chat', apiPath: 'translated' });
  });

  it('refuses a field the target cannot honour with a 400 naming the field and the target, calling nobody', async () => {
    const requests = harness.fake.requests.length;
    const error = await anthropic.messages
      .create({
        model: 'compat/m',
        max_tokens: 64,
        messages: [{ role: 'user', content: 'Hi' }],
        mcp_servers: [{ type: 'url', url: 'https://example.com/mcp', name: 'x' }],
      } as Anthropic.MessageCreateParamsNonStreaming)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Anthropic.BadRequestError);
    const body = (error as InstanceType<typeof Anthropic.BadRequestError>).error as { error: { message: string } };
    expect(body.error.message).toMatch(/"mcp_servers" cannot be sent to compat\/m/);
    expect(harness.fake.requests.length).toBe(requests);
  });

  it.skipIf(!hasKeyring)('moves on to a target that takes the field as it is', async () => {
    harness.fake.enqueue({ kind: 'text', text: 'With tools from MCP.', usage });
    const body = {
      model: 'compat-then-claude',
      max_tokens: 64,
      messages: [{ role: 'user' as const, content: 'Hi' }],
      mcp_servers: [{ type: 'url', url: 'https://example.com/mcp', name: 'x' }],
    };
    const message = await anthropic.messages.create(body as Anthropic.MessageCreateParamsNonStreaming);
    expect(message.content).toEqual([{ type: 'text', text: 'With tools from MCP.' }]);
    expect(harness.fake.requests.at(-1)!.body).toEqual({ ...body, model: 'c' });
    expect(lastRow(harness.services).attempts.map((attempt) => attempt.error?.code ?? null)).toEqual([
      'UNSUPPORTED_FIELD',
      null,
    ]);
  });

  it.skipIf(!hasKeyring)('refuses a setting the AI SDK would drop for the target, before the first token', async () => {
    // Anthropic takes temperatures up to 1: the SDK would clamp 1.5 without a word.
    const error = await openai.chat.completions
      .create({ model: 'claude/c', messages: [{ role: 'user', content: 'Hi' }], temperature: 1.5, stream: true })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as Error).message).toMatch(/"temperature" cannot be sent to claude\/c/);
    expect(lastRow(harness.services)).toMatchObject({ status: 'error', error: expect.stringMatching(/temperature/) });
  });
});

describe('a route that keeps answers, through the local API', () => {
  const ask = () =>
    openai.chat.completions
      .create({ model: 'kept', messages: [{ role: 'user', content: 'Capital of Italy?' }], tools: [] })
      .withResponse();

  it('replays a text answer in the client’s protocol, streaming or not, and never an answer with tool calls', async () => {
    harness.fake.enqueue({ kind: 'text', text: 'Rome.', usage });
    await ask();
    const replay = await ask();
    expect(replay.response.headers.get('x-switchboard-cache')).toBe('hit');
    expect(replay.data.choices[0]!.message.content).toBe('Rome.');
    expect(lastRow(harness.services)).toMatchObject({ costSource: 'cache', costUSD: 0, apiPath: 'cache' });
    let streamed = '';
    for await (const chunk of await openai.chat.completions.create({
      model: 'kept',
      messages: [{ role: 'user', content: 'Capital of Italy?' }],
      tools: [],
      stream: true,
    })) {
      streamed += chunk.choices[0]?.delta.content ?? '';
    }
    expect(streamed).toBe('Rome.');

    const calling = () =>
      openai.chat.completions.create({ model: 'kept', messages: [{ role: 'user', content: 'Weather?' }] });
    harness.fake.enqueue({ kind: 'text', text: '', toolCalls: [{ id: 'call_1', name: 'weather', arguments: '{}' }] });
    harness.fake.enqueue({ kind: 'text', text: '', toolCalls: [{ id: 'call_2', name: 'weather', arguments: '{}' }] });
    const requests = harness.fake.requests.length;
    await calling();
    const again = await calling();
    expect(again.choices[0]!.message.tool_calls![0]!.id).toBe('call_2');
    expect(harness.fake.requests.length).toBe(requests + 2);
  });
});
