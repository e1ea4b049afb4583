// Real Responses API clients through the local API to fake providers: the `openai` SDK as Codex uses it
// (stateless function-call round trips) and `@ai-sdk/openai`'s default model in a tool loop, on an OpenAI
// target (pass-through) and on Chat Completions and Anthropic targets (translated).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createOpenAI } from '@ai-sdk/openai';
import { ChatOpenAI } from '@langchain/openai';
import { generateText, jsonSchema, stepCountIs, streamText, tool } from 'ai';
import OpenAI from 'openai';
import type { ResponseInputItem } from 'openai/resources/responses/responses';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCoreFromServices } from '../../electron/core/create-core';
import { createServices, type Services } from '../../electron/core/services';
import type { Core } from '../../electron/core/types';
import { createKeytarKeychain } from '../../electron/keychain/keytar-keychain';
import { startServer, type RunningServer } from '../../electron/server/start-server';
import { startFakeProvider, type FakeProvider } from '../fake-provider';

let home: string;
let fake: FakeProvider;
let services: Services;
let core: Core;
let server: RunningServer;
let client: OpenAI;
const keychain = createKeytarKeychain();
const keyed = ['resp-openai', 'resp-claude'];
// OpenAI and Anthropic targets need a key in the OS keychain (scripts/with-keyring.sh provides one).
const hasKeyring = process.env.SWITCHBOARD_TEST_KEYRING === '1';

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'switchboard-responses-clients-'));
  fake = await startFakeProvider();
  const config = {
    endpoints: [
      { id: 'resp-openai', kind: 'openai', baseURL: `${fake.url}/v1` },
      { id: 'resp-local', kind: 'openai-compatible', baseURL: `${fake.url}/v1` },
      { id: 'resp-claude', kind: 'anthropic', baseURL: `${fake.url}/v1` },
    ],
  };
  await writeFile(join(home, 'config.json'), JSON.stringify(config));
  if (hasKeyring) for (const id of keyed) await keychain.set(id, `sk-test-${id}`);
  services = createServices({ dataDir: home, keychain });
  core = createCoreFromServices(services);
  server = await startServer({ services, core, rendererDir: home, port: 0 });
  client = new OpenAI({ baseURL: server.apiBase, apiKey: server.token, maxRetries: 0 });
});
afterAll(async () => {
  await server?.close();
  await core?.dispose();
  if (hasKeyring) for (const id of keyed) await keychain.remove(id);
  await fake?.close();
  await rm(home, { recursive: true, force: true });
});
beforeEach(() => fake.clearQueue());

/** Each kind of target, with the path its provider is called on. */
const targets = [
  {
    name: 'an OpenAI target (pass-through)',
    model: 'resp-openai/gpt-5',
    path: '/v1/responses',
    apiPath: 'pass-through',
    needsKey: true,
  },
  {
    name: 'a Chat Completions target (translated)',
    model: 'resp-local/llama3.2',
    path: '/v1/chat/completions',
    apiPath: 'translated',
    needsKey: false,
  },
  {
    name: 'an Anthropic target (translated)',
    model: 'resp-claude/claude-sonnet-4-5',
    path: '/v1/messages',
    apiPath: 'translated',
    needsKey: true,
  },
];
const runnable = targets.filter((target) => hasKeyring || !target.needsKey);

/** The newest usage row: how the call was served and what it counted. */
const lastRow = () => services.store.listUsage({ limit: 1 })[0]!;

const shellTool = {
  type: 'function' as const,
  name: 'shell',
  description: 'Runs a command',
  parameters: {
    type: 'object',
    properties: { command: { type: 'array', items: { type: 'string' } } },
    required: ['command'],
  },
  strict: false,
};
const userMessage = (text: string): ResponseInputItem => ({
  type: 'message',
  role: 'user',
  content: [{ type: 'input_text', text }],
});
/** Output items as Codex keeps them for the next turn: without ids (never sent back with store: false). */
const asNextInput = (output: OpenAI.Responses.ResponseOutputItem[]) =>
  output.map((item) => {
    const { id: _id, ...rest } = item as unknown as Record<string, unknown>;
    return rest as unknown as ResponseInputItem;
  });

describe.each(runnable)('the openai SDK, stateless as Codex, on $name', ({ model, path, apiPath }) => {
  it('runs a function-call round trip streaming, keeping tools and usage', async () => {
    fake.enqueue({
      kind: 'text',
      text: 'Listing.',
      toolCalls: [{ id: 'call_ls', name: 'shell', arguments: '{"command":["ls"]}' }],
      usage: { inputTokens: 120, outputTokens: 30 },
    });
    const first = {
      model,
      instructions: 'You are a coding agent.',
      input: [userMessage('What files are here?')],
      tools: [shellTool],
      tool_choice: 'auto' as const,
      parallel_tool_calls: false,
      store: false,
      include: ['reasoning.encrypted_content' as const],
      prompt_cache_key: 'session-1',
    };
    const one = await client.responses.stream(first).finalResponse();
    const call = one.output.find((item) => item.type === 'function_call');
    expect(call).toMatchObject({ name: 'shell', call_id: 'call_ls' });
    expect(JSON.parse((call as OpenAI.Responses.ResponseFunctionToolCall).arguments)).toEqual({ command: ['ls'] });
    expect(one.usage).toMatchObject({ input_tokens: 120, output_tokens: 30 });
    const sentFirst = fake.requests.at(-1)!;
    expect(sentFirst.path).toBe(path);

    fake.enqueue({ kind: 'text', text: 'Two files: a.txt and b.txt.', usage: { inputTokens: 160, outputTokens: 12 } });
    const two = await client.responses
      .stream({
        ...first,
        input: [
          ...first.input,
          ...asNextInput(one.output),
          { type: 'function_call_output', call_id: 'call_ls', output: 'a.txt\nb.txt' },
        ],
      })
      .finalResponse();
    expect(two.output_text).toBe('Two files: a.txt and b.txt.');
    expect(two.usage).toMatchObject({ input_tokens: 160, output_tokens: 12 });
    expect(lastRow()).toMatchObject({
      apiProtocol: 'openai-responses',
      apiPath,
      target: model,
      usage: { inputTokens: 160, outputTokens: 12 },
    });

    const sent = fake.requests.at(-1)!.body;
    if (path === '/v1/responses') {
      // Pass-through: the body as the client sent it, only the model rewritten.
      expect(sent.model).toBe('gpt-5');
      expect(sent.input.at(-1)).toEqual({ type: 'function_call_output', call_id: 'call_ls', output: 'a.txt\nb.txt' });
      expect(sent).toMatchObject({ store: false, prompt_cache_key: 'session-1', parallel_tool_calls: false });
    } else if (path === '/v1/chat/completions') {
      expect(sent.tools[0]).toMatchObject({ type: 'function', function: { name: 'shell' } });
      expect(sent.parallel_tool_calls).toBe(false);
      expect(sent.messages.slice(-2)).toEqual([
        expect.objectContaining({
          role: 'assistant',
          tool_calls: [
            expect.objectContaining({ id: 'call_ls', function: expect.objectContaining({ name: 'shell' }) }),
          ],
        }),
        { role: 'tool', tool_call_id: 'call_ls', content: 'a.txt\nb.txt' },
      ]);
    } else {
      expect(sent.tools[0]).toMatchObject({ name: 'shell', input_schema: shellTool.parameters });
      expect(sent.tool_choice).toMatchObject({ type: 'auto', disable_parallel_tool_use: true });
      expect(sent.messages.at(-2).content.at(-1)).toEqual({
        type: 'tool_use',
        id: 'call_ls',
        name: 'shell',
        input: { command: ['ls'] },
      });
      expect(sent.messages.at(-1).content).toEqual([
        { type: 'tool_result', tool_use_id: 'call_ls', content: 'a.txt\nb.txt' },
      ]);
    }
  });

  it('answers without streaming too', async () => {
    fake.enqueue({ kind: 'text', text: 'Paris.', usage: { inputTokens: 7, outputTokens: 2 } });
    const response = await client.responses.create({ model, input: 'Capital of France?', store: false });
    expect(response.output_text).toBe('Paris.');
    expect(response.usage).toMatchObject({ input_tokens: 7, output_tokens: 2 });
  });
});

describe('the openai SDK on a translated target', () => {
  it('gets a failure after the first token as an error, never a completed response', async () => {
    fake.enqueue({ kind: 'text', text: 'Half an answer', deltas: 4, errorAfterDeltas: 2 });
    await expect(
      client.responses.stream({ model: 'resp-local/llama3.2', input: 'Hi' }).finalResponse(),
    ).rejects.toThrow();
  });

  it('gets a 400 naming a field the target cannot honour, and the provider is never called', async () => {
    const requests = fake.requests.length;
    await expect(
      client.responses.create({ model: 'resp-local/llama3.2', input: 'Hi', tools: [{ type: 'web_search' }] }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringContaining('tools[0].type') });
    expect(fake.requests.length).toBe(requests);
  });
});

describe.each(runnable)('@ai-sdk/openai’s default (Responses) model on $name', ({ model, path, apiPath }) => {
  /** What the AI SDK sends the local API, request by request. */
  const sentByClient: Record<string, unknown>[] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    if (typeof init?.body === 'string') sentByClient.push(JSON.parse(init.body));
    return fetch(input, init);
  };
  const openai = () => createOpenAI({ baseURL: server.apiBase, apiKey: server.token, fetch: recordingFetch });
  const weather = tool({
    description: 'The weather in a city',
    inputSchema: jsonSchema<{ city: string }>({
      type: 'object',
      properties: { city: { type: 'string' } },
      required: ['city'],
    }),
    execute: async ({ city }) => `Sunny in ${city}`,
  });

  it('runs a two-step tool loop with streamText, usage summed over the steps', async () => {
    fake.enqueue(
      {
        kind: 'text',
        text: 'Let me check.',
        toolCalls: [{ id: 'call_w', name: 'weather', arguments: '{"city":"Paris"}' }],
        usage: { inputTokens: 50, outputTokens: 10 },
      },
      { kind: 'text', text: 'It is sunny in Paris.', usage: { inputTokens: 70, outputTokens: 8 } },
    );
    const result = streamText({
      model: openai()(model),
      prompt: 'Weather in Paris?',
      tools: { weather },
      stopWhen: stepCountIs(2),
    });
    expect(await result.text).toBe('It is sunny in Paris.');
    const steps = await result.steps;
    expect(steps[0]!.toolCalls.map((call) => [call.toolName, call.input])).toEqual([['weather', { city: 'Paris' }]]);
    expect(steps[0]!.toolResults.map((result) => result.output)).toEqual(['Sunny in Paris']);
    expect((await result.totalUsage).inputTokens).toBe(120);
    expect(fake.requests.at(-1)!.path).toBe(path);
    expect(lastRow()).toMatchObject({ apiProtocol: 'openai-responses', apiPath, usage: { inputTokens: 70 } });
    // Its default (store unset) refers back to its first step's text by id: resolved on every path.
    expect(JSON.stringify(sentByClient.at(-1))).toContain('"type":"item_reference"');
    // The second step carried the tool result to the provider, in its own format.
    expect(JSON.stringify(fake.requests.at(-1)!.body)).toContain('Sunny in Paris');
  });

  it('answers generateText with a tool call and its usage', async () => {
    fake.enqueue({
      kind: 'text',
      text: '',
      toolCalls: [{ id: 'call_g', name: 'weather', arguments: '{"city":"Rome"}' }],
      usage: { inputTokens: 40, outputTokens: 6 },
    });
    const result = await generateText({ model: openai()(model), prompt: 'Weather in Rome?', tools: { weather } });
    expect(result.toolCalls.map((call) => call.input)).toEqual([{ city: 'Rome' }]);
    expect(result.usage.inputTokens).toBe(40);
    expect(result.finishReason).toBe('tool-calls');
  });
});

describe('LangChain’s ChatOpenAI with useResponsesApi on a translated target', () => {
  it('binds a tool, gets the call, and sends its result back', async () => {
    const model = new ChatOpenAI({
      model: 'resp-local/llama3.2',
      useResponsesApi: true,
      apiKey: server.token,
      configuration: { baseURL: server.apiBase },
    }).bindTools([
      {
        type: 'function',
        function: {
          name: 'weather',
          description: 'The weather in a city',
          parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
        },
      },
    ]);
    fake.enqueue({
      kind: 'text',
      text: 'Let me check.',
      toolCalls: [{ id: 'call_lc', name: 'weather', arguments: '{"city":"Oslo"}' }],
    });
    const first = await model.invoke('Weather in Oslo?');
    expect(first.tool_calls).toEqual([
      expect.objectContaining({ name: 'weather', args: { city: 'Oslo' }, id: 'call_lc' }),
    ]);

    fake.enqueue({ kind: 'text', text: 'Snowing in Oslo.' });
    const second = await model.invoke([
      { role: 'user', content: 'Weather in Oslo?' },
      first,
      { role: 'tool', content: 'Snow', tool_call_id: 'call_lc' },
    ]);
    expect(second.text).toBe('Snowing in Oslo.');
    expect(fake.requests.at(-1)!.body.messages.at(-1)).toEqual({
      role: 'tool',
      tool_call_id: 'call_lc',
      content: 'Snow',
    });
  });
});
