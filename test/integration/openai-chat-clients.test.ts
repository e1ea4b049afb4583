// Real Chat Completions clients through the local API to fake providers on 127.0.0.1: the `openai` SDK, the Vercel
// AI SDK (openai-compatible) and LangChain, passed through to an OpenAI-compatible endpoint and translated to
// Anthropic and Gemini, with tools, images, reasoning and usage. Chunks and the bodies Switchboard writes validate
// against OpenAI's spec. Over 300 lines on purpose: one server, one fake provider and one keychain serve every client
// named in issue 11.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { ChatOpenAI } from '@langchain/openai';
import { isStepCount, streamText, tool } from 'ai';
import OpenAI from 'openai';
import type { ChatCompletionChunk, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createCoreFromServices } from '../../electron/core/create-core';
import { createServices, type Services } from '../../electron/core/services';
import type { Core } from '../../electron/core/types';
import { createKeytarKeychain } from '../../electron/keychain/keytar-keychain';
import { startServer, type RunningServer } from '../../electron/server/start-server';
import { loadCapture, startFakeProvider, type FakeProvider } from '../fake-provider';
import { openAISpecErrors } from './openai-spec';

let home: string;
let fake: FakeProvider;
let services: Services;
let core: Core;
let server: RunningServer;
let client: OpenAI;
const hasKeyring = process.env.SWITCHBOARD_TEST_KEYRING === '1';
const keychain = createKeytarKeychain();
const claude = 'chat-clients-claude';
const gemini = 'chat-clients-gemini';

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'switchboard-chat-clients-'));
  fake = await startFakeProvider();
  const config = {
    endpoints: [
      { id: 'local', kind: 'openai-compatible', baseURL: `${fake.url}/v1` },
      { id: claude, kind: 'anthropic', baseURL: `${fake.url}/v1` },
      { id: gemini, kind: 'google', baseURL: `${fake.url}/v1beta` },
    ],
  };
  await writeFile(join(home, 'config.json'), JSON.stringify(config));
  if (hasKeyring) {
    await keychain.set(claude, 'sk-ant-test-chat-clients');
    await keychain.set(gemini, 'gemini-test-chat-clients');
  }
  services = createServices({ dataDir: home, keychain });
  core = createCoreFromServices(services);
  server = await startServer({ services, core, rendererDir: home, port: 0 });
  client = new OpenAI({ baseURL: server.apiBase, apiKey: server.token, maxRetries: 0 });
});
afterAll(async () => {
  await server?.close();
  await core?.dispose();
  if (hasKeyring) await Promise.all([keychain.remove(claude), keychain.remove(gemini)]);
  await fake?.close();
  await rm(home, { recursive: true, force: true });
});
beforeEach(() => fake.clearQueue());

const weather = {
  type: 'function' as const,
  function: {
    name: 'get_weather',
    description: 'The weather now in a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};
const parisCall = { id: 'call_paris', name: 'get_weather', arguments: '{"city":"Paris"}' };
const romeCall = { id: 'call_rome', name: 'get_weather', arguments: '{"city":"Rome"}' };
const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

function expectValidChunks(chunks: ChatCompletionChunk[]) {
  expect(chunks.length).toBeGreaterThan(1);
  for (const chunk of chunks) expect(openAISpecErrors('CreateChatCompletionStreamResponse', chunk)).toBe('');
}

/** Streams with the `openai` SDK's own helper, keeping every chunk it read. */
async function streamWithOpenAI(params: Parameters<OpenAI['chat']['completions']['stream']>[0]) {
  const chunks: ChatCompletionChunk[] = [];
  const stream = client.chat.completions.stream(params);
  stream.on('chunk', (chunk) => chunks.push(chunk));
  const completion = await stream.finalChatCompletion();
  expectValidChunks(chunks);
  return { completion, chunks };
}

describe('the openai SDK, passed through to an OpenAI-compatible endpoint', () => {
  it('calls a tool without streaming, then sends the result back', async () => {
    fake.enqueue({ kind: 'text', text: '', toolCalls: [parisCall] });
    const messages: ChatCompletionMessageParam[] = [{ role: 'user', content: 'Weather in Paris?' }];
    // Passed through, the body is the provider's own (only the model is renamed): its schema is the provider's.
    const first = await client.chat.completions.create({ model: 'local/llama3.2', messages, tools: [weather] });
    expect(first.model).toBe('local/llama3.2');
    expect(first.choices[0]!.finish_reason).toBe('tool_calls');
    expect(first.choices[0]!.message.tool_calls).toEqual([
      { id: 'call_paris', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
    ]);
    expect(fake.requests.at(-1)!.body.tools).toEqual([weather]);

    fake.enqueue({ kind: 'text', text: 'It is 18°C in Paris.' });
    messages.push(first.choices[0]!.message, { role: 'tool', tool_call_id: 'call_paris', content: '18°C' });
    const second = await client.chat.completions.create({ model: 'local/llama3.2', messages, tools: [weather] });
    expect(second.choices[0]!.message.content).toBe('It is 18°C in Paris.');
    expect(fake.requests.at(-1)!.body.messages.at(-1)).toEqual({
      role: 'tool',
      tool_call_id: 'call_paris',
      content: '18°C',
    });
  });

  it('streams two tool calls whose deltas reassemble, with usage', async () => {
    fake.enqueue({ kind: 'text', text: 'Checking.', toolCalls: [parisCall, romeCall] });
    const { completion, chunks } = await streamWithOpenAI({
      model: 'local/llama3.2',
      messages: [{ role: 'user', content: 'Weather in Paris and Rome?' }],
      tools: [weather],
      parallel_tool_calls: true,
      stream_options: { include_usage: true },
    });
    expect(completion.choices[0]!.message.tool_calls?.map((call) => (call as { function: unknown }).function)).toEqual([
      { name: 'get_weather', arguments: '{"city":"Paris"}' },
      { name: 'get_weather', arguments: '{"city":"Rome"}' },
    ]);
    expect(chunks.at(-1)!.usage).toMatchObject({ prompt_tokens: 10, completion_tokens: 5 });
    expect(fake.requests.at(-1)!.body.parallel_tool_calls).toBe(true);
  });
});

describe('the Vercel AI SDK (openai-compatible), passed through', () => {
  it('runs a multi-step streamText with a tool to the final answer', async () => {
    fake.enqueue(
      { kind: 'text', text: '', toolCalls: [parisCall] },
      { kind: 'text', text: 'It is 18°C in Paris.', usage: { inputTokens: 30, outputTokens: 8 } },
    );
    const switchboard = createOpenAICompatible({
      name: 'switchboard',
      baseURL: server.apiBase,
      apiKey: server.token,
      includeUsage: true,
    });
    const result = streamText({
      model: switchboard.chatModel('local/llama3.2'),
      prompt: 'Weather in Paris?',
      tools: {
        get_weather: tool({
          description: 'The weather now in a city',
          inputSchema: z.object({ city: z.string() }),
          execute: async ({ city }) => `18°C in ${city}`,
        }),
      },
      stopWhen: isStepCount(3),
      maxRetries: 0,
    });
    expect(await result.text).toBe('It is 18°C in Paris.');
    const steps = await result.steps;
    expect(steps).toHaveLength(2);
    expect(steps[0]!.toolCalls).toMatchObject([{ toolName: 'get_weather', input: { city: 'Paris' } }]);
    const resent = fake.requests.at(-1)!.body.messages as { role: string; content: unknown }[];
    expect(resent.at(-1)).toMatchObject({ role: 'tool', tool_call_id: 'call_paris' });
    expect(JSON.stringify(resent.at(-1)!.content)).toContain('18°C in Paris');
    expect((await result.totalUsage).inputTokens).toBeGreaterThan(0);
  });
});

describe('LangChain ChatOpenAI.bindTools, passed through', () => {
  const model = () =>
    new ChatOpenAI({
      model: 'local/llama3.2',
      apiKey: 'unused',
      configuration: { baseURL: server.apiBase, apiKey: server.token },
      maxRetries: 0,
    }).bindTools([weather]);

  it('returns tool calls, streaming and not', async () => {
    fake.enqueue({ kind: 'text', text: '', toolCalls: [parisCall] });
    const answer = await model().invoke('Weather in Paris?');
    expect(answer.tool_calls).toEqual([
      { id: 'call_paris', name: 'get_weather', args: { city: 'Paris' }, type: 'tool_call' },
    ]);

    fake.enqueue({ kind: 'text', text: '', toolCalls: [romeCall] });
    let gathered: Awaited<ReturnType<ReturnType<typeof model>['invoke']>> | undefined;
    for await (const chunk of await model().stream('Weather in Rome?'))
      gathered = gathered ? gathered.concat(chunk) : chunk;
    expect(gathered!.tool_calls).toEqual([
      { id: 'call_rome', name: 'get_weather', args: { city: 'Rome' }, type: 'tool_call' },
    ]);
  });
});

describe.skipIf(!hasKeyring)('a Chat Completions client on a translated target', () => {
  const withImages: ChatCompletionMessageParam[] = [
    {
      role: 'user',
      content: [
        { type: 'text', text: 'Weather where these were taken?' },
        { type: 'image_url', image_url: { url: `data:image/png;base64,${png}` } },
        { type: 'image_url', image_url: { url: 'https://example.com/street.jpg' } },
      ],
    },
  ];

  it('keeps tools, images and usage on Anthropic, streaming', async () => {
    fake.enqueue({
      kind: 'text',
      text: 'Let me check.',
      toolCalls: [parisCall],
      usage: { inputTokens: 40, outputTokens: 12 },
    });
    const { completion, chunks } = await streamWithOpenAI({
      model: `${claude}/claude-sonnet-4-5`,
      messages: withImages,
      tools: [weather],
      stream_options: { include_usage: true },
    });
    expect(completion.model).toBe(`${claude}/claude-sonnet-4-5`);
    expect(completion.choices[0]!.message.content).toBe('Let me check.');
    expect(completion.choices[0]!.message.tool_calls).toEqual([
      { id: 'call_paris', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
    ]);
    expect(completion.choices[0]!.finish_reason).toBe('tool_calls');
    expect(chunks.at(-1)!.usage).toMatchObject({ prompt_tokens: 40, completion_tokens: 12, total_tokens: 52 });
    const sent = fake.requests.at(-1)!;
    expect(sent.path).toBe('/v1/messages');
    expect(sent.body.tools).toMatchObject([{ name: 'get_weather', input_schema: weather.function.parameters }]);
    expect(sent.body.messages[0].content).toEqual([
      { type: 'text', text: 'Weather where these were taken?' },
      { type: 'image', source: { type: 'base64', media_type: 'image/png', data: png } },
      { type: 'image', source: { type: 'url', url: 'https://example.com/street.jpg' } },
    ]);
  });

  it('sends the tool result back to Anthropic and answers without streaming', async () => {
    fake.enqueue({ kind: 'text', text: 'It is 18°C in Paris.', usage: { inputTokens: 60, outputTokens: 9 } });
    const answer = await client.chat.completions.create({
      model: `${claude}/claude-sonnet-4-5`,
      messages: [
        { role: 'user', content: 'Weather in Paris?' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: 'call_paris', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'call_paris', content: '18°C' },
      ],
      tools: [weather],
    });
    expect(openAISpecErrors('CreateChatCompletionResponse', answer)).toBe('');
    expect(answer.choices[0]!.message).toMatchObject({ content: 'It is 18°C in Paris.', refusal: null });
    expect(answer.usage).toMatchObject({ prompt_tokens: 60, completion_tokens: 9 });
    expect(fake.requests.at(-1)!.body.messages.at(-1)).toEqual({
      role: 'user',
      content: [expect.objectContaining({ type: 'tool_result', tool_use_id: 'call_paris', content: '18°C' })],
    });
  });

  it('keeps tools, an image and usage on Gemini, and streams its function call', async () => {
    fake.enqueue({ kind: 'replay', chunks: loadCapture('google/google-tool-call.chunks.txt') });
    const location = {
      type: 'function' as const,
      function: { name: 'weather', parameters: { type: 'object', properties: { location: { type: 'string' } } } },
    };
    const { completion, chunks } = await streamWithOpenAI({
      model: `${gemini}/gemini-3-pro-preview`,
      messages: withImages.map((message) => ({
        ...message,
        content: (message.content as { type: string }[]).filter((part) => !JSON.stringify(part).includes('https')),
      })) as ChatCompletionMessageParam[],
      tools: [location],
      stream_options: { include_usage: true },
    });
    const [call] = completion.choices[0]!.message.tool_calls!;
    expect(call).toMatchObject({ type: 'function', function: { name: 'weather' } });
    expect(JSON.parse((call as { function: { arguments: string } }).function.arguments)).toEqual({
      location: 'San Francisco',
    });
    expect(completion.choices[0]!.finish_reason).toBe('tool_calls');
    expect(chunks.at(-1)!.usage).toMatchObject({
      prompt_tokens: 29,
      completion_tokens: 60,
      completion_tokens_details: { reasoning_tokens: 45 },
    });
    const sent = fake.requests.at(-1)!;
    expect(sent.path).toContain(':streamGenerateContent');
    expect(sent.body.tools).toMatchObject([{ functionDeclarations: [{ name: 'weather' }] }]);
    expect(sent.body.contents[0].parts).toEqual([
      { text: 'Weather where these were taken?' },
      { inlineData: { mimeType: 'image/png', data: png } },
    ]);
  });

  it("streams Anthropic's thinking as reasoning_content, asked for with reasoning_effort", async () => {
    fake.enqueue({ kind: 'replay', chunks: loadCapture('anthropic/anthropic-clear-thinking.1.chunks.txt') });
    const { completion, chunks } = await streamWithOpenAI({
      model: `${claude}/claude-sonnet-4-5`,
      messages: [{ role: 'user', content: 'Think first.' }],
      reasoning_effort: 'low',
    });
    const reasoning = chunks
      .map((chunk) => (chunk.choices[0]?.delta as { reasoning_content?: string } | undefined)?.reasoning_content ?? '')
      .join('');
    expect(reasoning.length).toBeGreaterThan(0);
    expect(completion.choices[0]!.message.content?.length).toBeGreaterThan(0);
    expect(fake.requests.at(-1)!.body.thinking).toMatchObject({ type: expect.stringMatching(/enabled|adaptive/) });
  });

  it('asks Gemini for JSON to the schema given in response_format', async () => {
    fake.enqueue({ kind: 'text', text: '{"city":"Paris"}' });
    const schema = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] };
    const answer = await client.chat.completions.create({
      model: `${gemini}/gemini-3-flash-preview`,
      messages: [{ role: 'user', content: 'A city, as JSON' }],
      response_format: { type: 'json_schema', json_schema: { name: 'city', schema, strict: true } },
    });
    expect(openAISpecErrors('CreateChatCompletionResponse', answer)).toBe('');
    expect(JSON.parse(answer.choices[0]!.message.content!)).toEqual({ city: 'Paris' });
    expect(fake.requests.at(-1)!.body.generationConfig).toMatchObject({
      responseMimeType: 'application/json',
      responseJsonSchema: schema,
    });
  });

  it('ends a stream that fails after its first token with an error the openai SDK throws, never a clean end', async () => {
    fake.enqueue({ kind: 'text', text: 'Paris is the capital of France.', deltas: 4, errorAfterDeltas: 2 });
    const stream = client.chat.completions.stream({
      model: `${claude}/claude-sonnet-4-5`,
      messages: [{ role: 'user', content: 'Capital of France?' }],
    });
    const texts: string[] = [];
    stream.on('content', (delta) => texts.push(delta));
    await expect(stream.finalChatCompletion()).rejects.toThrow(
      `${claude}/claude-sonnet-4-5 stopped mid-answer: ${claude} reported an error (overloaded_error)`,
    );
    expect(texts.join('')).toBe('Paris is the cap');
  });

  it('refuses a field the target cannot honour with a 400 naming it and the target, before calling it', async () => {
    const requests = fake.requests.length;
    const refused = client.chat.completions.create({
      model: `${claude}/claude-sonnet-4-5`,
      messages: [{ role: 'user', content: 'Hi' }],
      seed: 7,
    });
    await expect(refused).rejects.toMatchObject({
      status: 400,
      param: 'seed',
      message: expect.stringContaining(`"seed" cannot be sent to ${claude}/claude-sonnet-4-5`),
    });
    expect(fake.requests.length).toBe(requests);
  });

  it('answers a provider that refused its key with 401, and a rate limit with 429 and retry-after', async () => {
    fake.enqueue({
      kind: 'http-error',
      status: 401,
      body: { type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } },
    });
    const ask = () =>
      client.chat.completions
        .create({ model: `${claude}/claude-sonnet-4-5`, messages: [{ role: 'user', content: 'Hi' }] })
        .withResponse();
    await expect(ask()).rejects.toMatchObject({ status: 401 });
    fake.enqueue({
      kind: 'http-error',
      status: 429,
      headers: { 'retry-after': '7' },
      body: { type: 'error', error: { type: 'rate_limit_error', message: 'slow down' } },
    });
    const limited = await ask().catch((error: InstanceType<typeof OpenAI.APIError>) => error);
    expect(limited).toMatchObject({ status: 429 });
    expect((limited as InstanceType<typeof OpenAI.APIError>).headers?.get('retry-after')).toBe('7');
  });
});
