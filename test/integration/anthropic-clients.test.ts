// The official Anthropic client through the local API: passed through to an Anthropic target, and
// translated for an OpenAI-compatible one, with tools, images, usage, count_tokens and its x-api-key.
import Anthropic from '@anthropic-ai/sdk';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCoreFromServices } from '../../electron/core/create-core';
import { createServices, type Services } from '../../electron/core/services';
import type { Core } from '../../electron/core/types';
import { createKeytarKeychain } from '../../electron/keychain/keytar-keychain';
import { estimateTokens } from '../../electron/protocols/anthropic-messages';
import { tokenCountHeader } from '../../electron/server/count-tokens-api';
import { startServer, type RunningServer } from '../../electron/server/start-server';
import { startFakeProvider, type FakeProvider } from '../fake-provider';

const hasKeyring = process.env.SWITCHBOARD_TEST_KEYRING === '1';
const keychain = createKeytarKeychain();
const providerKey = 'sk-ant-provider-test-0000';
const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';

let home: string;
let fake: FakeProvider;
let services: Services;
let core: Core;
let server: RunningServer;
let client: Anthropic;

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'switchboard-anthropic-clients-'));
  fake = await startFakeProvider();
  const config = {
    endpoints: [
      { id: 'claude', kind: 'anthropic', baseURL: `${fake.url}/v1` },
      { id: 'local', kind: 'openai-compatible', baseURL: `${fake.url}/v1` },
    ],
    routes: { 'claude-then-local': { targets: ['claude/claude-sonnet-4-5', 'local/llama3.2'] } },
  };
  await writeFile(join(home, 'config.json'), JSON.stringify(config));
  if (hasKeyring) await keychain.set('claude', providerKey);
  services = createServices({ dataDir: home, keychain });
  core = createCoreFromServices(services);
  server = await startServer({ services, core, rendererDir: home, port: 0 });
  // The Anthropic client adds /v1/messages to its base URL, and sends its key as x-api-key.
  client = new Anthropic({ baseURL: server.apiBase.replace(/\/v1$/, ''), apiKey: server.token, maxRetries: 0 });
});
afterAll(async () => {
  await server?.close();
  await core?.dispose();
  if (hasKeyring) await keychain.remove('claude');
  await fake?.close();
  await rm(home, { recursive: true, force: true });
});
beforeEach(() => fake.clearQueue());

const weatherTool = {
  name: 'get_weather',
  description: 'The weather now in a city',
  input_schema: { type: 'object' as const, properties: { city: { type: 'string' } }, required: ['city'] },
};

/** An Anthropic stream that calls get_weather, as Anthropic frames its events (payloads only). */
const anthropicToolUse = [
  {
    type: 'message_start',
    message: {
      id: 'msg_up_1',
      type: 'message',
      role: 'assistant',
      model: 'claude-sonnet-4-5',
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: 412, output_tokens: 1 },
    },
  },
  { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
  { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Let me check.' } },
  { type: 'content_block_stop', index: 0 },
  {
    type: 'content_block_start',
    index: 1,
    content_block: { type: 'tool_use', id: 'toolu_up_1', name: 'get_weather', input: {} },
  },
  { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: '{"city":' } },
  { type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: '"Paris"}' } },
  { type: 'content_block_stop', index: 1 },
  { type: 'message_delta', delta: { stop_reason: 'tool_use', stop_sequence: null }, usage: { output_tokens: 37 } },
  { type: 'message_stop' },
].map((event) => JSON.stringify(event));

/** A Chat Completions stream that says a few words, then calls get_weather in pieces, with usage last. */
const chatToolCall = (() => {
  const chunk = (delta: unknown, finish: string | null = null) =>
    JSON.stringify({
      id: 'chatcmpl-1',
      object: 'chat.completion.chunk',
      created: 1,
      model: 'llama3.2',
      choices: [{ index: 0, delta, finish_reason: finish }],
    });
  return [
    chunk({ role: 'assistant', content: 'Let me check.' }),
    chunk({
      tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '' } }],
    }),
    chunk({ tool_calls: [{ index: 0, function: { arguments: '{"city":' } }] }),
    chunk({ tool_calls: [{ index: 0, function: { arguments: '"Paris"}' } }] }),
    chunk({}, 'tool_calls'),
    JSON.stringify({
      id: 'chatcmpl-1',
      object: 'chat.completion.chunk',
      created: 1,
      model: 'llama3.2',
      choices: [],
      usage: { prompt_tokens: 31, completion_tokens: 12, total_tokens: 43 },
    }),
  ];
})();

const question: Anthropic.MessageParam = {
  role: 'user',
  content: [
    { type: 'text', text: 'What is the weather where this photo was taken?' },
    { type: 'image', source: { type: 'base64', media_type: 'image/png', data: png } },
  ],
};
const toolTurn = (id: string): Anthropic.MessageParam[] => [
  question,
  {
    role: 'assistant',
    content: [
      { type: 'text', text: 'Let me check.' },
      { type: 'tool_use', id, name: 'get_weather', input: { city: 'Paris' } },
    ],
  },
  { role: 'user', content: [{ type: 'tool_result', tool_use_id: id, content: '18°C and sunny' }] },
];

describe('@anthropic-ai/sdk on an Anthropic target (pass-through)', () => {
  it.skipIf(!hasKeyring)('streams a tool call, then sends its result, with only the model rewritten', async () => {
    fake.enqueue({ kind: 'replay', chunks: anthropicToolUse, split: 7 });
    const stream = client.messages.stream(
      { model: 'claude/claude-sonnet-4-5', max_tokens: 512, tools: [weatherTool], messages: [question] },
      { headers: { 'anthropic-version': '2023-06-01', 'anthropic-beta': 'fine-grained-tool-streaming-2025-05-14' } },
    );
    const message = await stream.finalMessage();
    expect(message.content).toEqual([
      { type: 'text', text: 'Let me check.' },
      { type: 'tool_use', id: 'toolu_up_1', name: 'get_weather', input: { city: 'Paris' } },
    ]);
    expect(message.stop_reason).toBe('tool_use');
    expect(message.usage).toMatchObject({ input_tokens: 412, output_tokens: 37 });

    const sent = fake.requests.at(-1)!;
    expect(sent.path).toBe('/v1/messages');
    expect(sent.body).toEqual({
      model: 'claude-sonnet-4-5',
      max_tokens: 512,
      tools: [weatherTool],
      messages: [question],
      stream: true,
    });
    // The provider gets the endpoint's key, never the local API key, and the client's protocol headers.
    expect(sent.headers['x-api-key']).toBe(providerKey);
    expect(JSON.stringify(sent.headers)).not.toContain(server.token);
    expect(sent.headers['anthropic-version']).toBe('2023-06-01');
    expect(sent.headers['anthropic-beta']).toBe('fine-grained-tool-streaming-2025-05-14');

    fake.enqueue({ kind: 'text', text: 'It is 18°C and sunny in Paris.', model: 'claude-sonnet-4-5' });
    const answer = await client.messages
      .stream({
        model: 'claude/claude-sonnet-4-5',
        max_tokens: 512,
        tools: [weatherTool],
        messages: toolTurn('toolu_up_1'),
      })
      .finalMessage();
    expect(answer.content).toEqual([{ type: 'text', text: 'It is 18°C and sunny in Paris.' }]);
    expect(fake.requests.at(-1)!.body.messages).toEqual(toolTurn('toolu_up_1'));
  });

  it.skipIf(!hasKeyring)('counts tokens exactly by asking Anthropic', async () => {
    const result = await client.messages
      .countTokens({ model: 'claude/claude-sonnet-4-5', messages: [question], tools: [weatherTool] })
      .withResponse();
    expect(result.data).toEqual({ input_tokens: 42 });
    expect(fake.requests.at(-1)!.path).toBe('/v1/messages/count_tokens');
    expect(fake.requests.at(-1)!.body.model).toBe('claude-sonnet-4-5');
    expect(result.response.headers.get(tokenCountHeader)).toBeNull();
  });
});

describe('@anthropic-ai/sdk on an OpenAI-compatible target (translated)', () => {
  it('streams a tool call back as tool_use, keeping the tools, the image and the usage', async () => {
    fake.enqueue({ kind: 'replay', chunks: chatToolCall, split: 'random' });
    const stream = client.messages.stream({
      model: 'local/llama3.2',
      max_tokens: 512,
      system: 'You answer weather questions.',
      tools: [weatherTool],
      tool_choice: { type: 'auto' },
      messages: [question],
    });
    const inputs: unknown[] = [];
    stream.on('inputJson', (_delta, snapshot) => inputs.push(snapshot));
    const message = await stream.finalMessage();
    expect(message.content).toEqual([
      { type: 'text', text: 'Let me check.' },
      { type: 'tool_use', id: 'call_1', name: 'get_weather', input: { city: 'Paris' } },
    ]);
    expect(inputs.at(-1)).toEqual({ city: 'Paris' });
    expect(message.stop_reason).toBe('tool_use');
    expect(message.model).toBe('local/llama3.2');
    expect(message.usage).toMatchObject({ input_tokens: 31, output_tokens: 12 });

    const sent = fake.requests.at(-1)!;
    expect(sent.path).toBe('/v1/chat/completions');
    expect(sent.body).toMatchObject({
      model: 'llama3.2',
      max_tokens: 512,
      tool_choice: 'auto',
      tools: [{ type: 'function', function: { name: 'get_weather', parameters: weatherTool.input_schema } }],
      messages: [
        { role: 'system', content: 'You answer weather questions.' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'What is the weather where this photo was taken?' },
            { type: 'image_url', image_url: { url: `data:image/png;base64,${png}` } },
          ],
        },
      ],
    });
  });

  it('sends the tool result back as a tool message, and answers whole when not streaming', async () => {
    fake.enqueue({
      kind: 'text',
      text: 'It is 18°C and sunny in Paris.',
      model: 'llama3.2',
      usage: { inputTokens: 60, outputTokens: 9 },
    });
    const message = await client.messages.create({
      model: 'local/llama3.2',
      max_tokens: 512,
      tools: [weatherTool],
      messages: toolTurn('call_1'),
    });
    expect(message).toMatchObject({
      type: 'message',
      role: 'assistant',
      content: [{ type: 'text', text: 'It is 18°C and sunny in Paris.' }],
      stop_reason: 'end_turn',
      usage: { input_tokens: 60, output_tokens: 9 },
    });
    expect(fake.requests.at(-1)!.body.messages.slice(1)).toEqual([
      {
        role: 'assistant',
        content: 'Let me check.',
        tool_calls: [
          { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'call_1', content: '18°C and sunny' },
    ]);
  });

  it('refuses, naming the field and the target, what the target cannot honour; nothing reaches it', async () => {
    const requests = fake.requests.length;
    const refused = client.messages.create({
      model: 'local/llama3.2',
      max_tokens: 64,
      messages: [{ role: 'user', content: [{ type: 'text', text: 'Hi', cache_control: { type: 'ephemeral' } }] }],
    });
    await expect(refused).rejects.toBeInstanceOf(Anthropic.BadRequestError);
    await expect(refused).rejects.toMatchObject({
      status: 400,
      error: {
        type: 'error',
        error: {
          type: 'invalid_request_error',
          message: expect.stringMatching(/messages\.0\.content\.0\.cache_control.*local\/llama3\.2/),
        },
      },
    });
    expect(fake.requests.length).toBe(requests);
  });

  it('estimates count_tokens, and marks the count as an estimate', async () => {
    const body = { model: 'local/llama3.2', messages: [question], tools: [weatherTool] };
    const requests = fake.requests.length;
    const result = await client.messages.countTokens(body).withResponse();
    expect(result.data).toEqual(estimateTokens(body));
    expect(result.response.headers.get(tokenCountHeader)).toBe('estimate');
    expect(fake.requests.length).toBe(requests);
  });

  it('ends a stream that fails after its first token with an error event the client throws', async () => {
    fake.enqueue({ kind: 'replay', chunks: chatToolCall.slice(0, 3), cutAfter: 3 });
    const stream = client.messages.stream({
      model: 'local/llama3.2',
      max_tokens: 64,
      tools: [weatherTool],
      messages: [question],
    });
    const texts: string[] = [];
    stream.on('text', (text) => texts.push(text));
    await expect(stream.finalMessage()).rejects.toBeInstanceOf(Anthropic.APIError);
    // The answer had begun: the failure came as an event of the stream, not as an HTTP error.
    expect(texts.join('')).toBe('Let me check.');
  });
});

describe('a route from an Anthropic target to an OpenAI-compatible one', () => {
  it.skipIf(!hasKeyring)('fails over before the first token from pass-through to translation', async () => {
    fake.enqueue(
      {
        kind: 'http-error',
        status: 529,
        body: { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } },
      },
      { kind: 'replay', chunks: chatToolCall },
    );
    const requests = fake.requests.length;
    const message = await client.messages
      .stream({ model: 'claude-then-local', max_tokens: 512, tools: [weatherTool], messages: [question] })
      .finalMessage();
    expect(fake.requests.slice(requests).map((request) => request.path)).toEqual([
      '/v1/messages',
      '/v1/chat/completions',
    ]);
    expect(message.model).toBe('local/llama3.2');
    expect(message.content.at(-1)).toEqual({
      type: 'tool_use',
      id: 'call_1',
      name: 'get_weather',
      input: { city: 'Paris' },
    });
  });
});

describe('the local API key for Anthropic clients', () => {
  it('is taken as x-api-key or as a bearer token, and a wrong one is refused in Anthropic’s format', async () => {
    fake.enqueue({ kind: 'text', text: 'Hi.', model: 'llama3.2' });
    const bearer = new Anthropic({
      baseURL: server.apiBase.replace(/\/v1$/, ''),
      authToken: server.token,
      apiKey: null,
      maxRetries: 0,
    });
    const message = await bearer.messages.create({
      model: 'local/llama3.2',
      max_tokens: 16,
      messages: [{ role: 'user', content: 'Hi' }],
    });
    expect(message.content).toEqual([{ type: 'text', text: 'Hi.' }]);

    const wrong = new Anthropic({ baseURL: server.apiBase.replace(/\/v1$/, ''), apiKey: 'sk-wrong', maxRetries: 0 });
    const refused = wrong.messages.create({
      model: 'local/llama3.2',
      max_tokens: 16,
      messages: [{ role: 'user', content: 'Hi' }],
    });
    await expect(refused).rejects.toBeInstanceOf(Anthropic.AuthenticationError);
    await expect(refused).rejects.toMatchObject({
      status: 401,
      error: { type: 'error', error: { type: 'authentication_error' } },
    });
  });
});
