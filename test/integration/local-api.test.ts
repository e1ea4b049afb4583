// The local OpenAI-compatible API in process: what its responses say about how they were served.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCoreFromServices } from '../../electron/core/create-core';
import { createServices, type Services } from '../../electron/core/services';
import type { Core } from '../../electron/core/types';
import { startServer, type RunningServer } from '../../electron/server/start-server';
import { startFakeProvider, type FakeProvider } from '../fake-provider';

let home: string;
let fake: FakeProvider;
let services: Services;
let core: Core;
let server: RunningServer;
let client: OpenAI;

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'switchboard-local-api-'));
  fake = await startFakeProvider();
  const config = {
    endpoints: [{ id: 'local', kind: 'openai-compatible', baseURL: `${fake.url}/v1` }],
    routes: { kept: { targets: ['local/llama3.2'], cache: { ttlSeconds: 600 } } },
  };
  await writeFile(join(home, 'config.json'), JSON.stringify(config));
  services = createServices({ dataDir: home });
  core = createCoreFromServices(services);
  server = await startServer({ services, core, rendererDir: home, port: 0 });
  client = new OpenAI({ baseURL: server.apiBase, apiKey: server.token, maxRetries: 0 });
});
afterAll(async () => {
  await server?.close();
  await core?.dispose();
  await fake?.close();
  await rm(home, { recursive: true, force: true });
});

describe('a route with a cache, through the local API', () => {
  const ask = (headers?: Record<string, string>) =>
    client.chat.completions
      .create({ model: 'kept', messages: [{ role: 'user', content: 'Capital of France?' }] }, { headers })
      .withResponse();

  it('says when an answer is a replay, and answers anew on Cache-Control: no-cache', async () => {
    fake.enqueue({ kind: 'text', text: 'Paris.', model: 'llama3.2' });
    const first = await ask();
    expect(first.data.choices[0]!.message.content).toBe('Paris.');
    expect(first.response.headers.get('x-switchboard-cache')).toBeNull();
    const requestsAfterFirst = fake.requests.length;

    const replay = await ask();
    expect(replay.data.choices[0]!.message.content).toBe('Paris.');
    expect(replay.data.model).toBe('local/llama3.2');
    expect(replay.response.headers.get('x-switchboard-cache')).toBe('hit');
    expect(replay.response.headers.get('x-switchboard-target')).toBe('local/llama3.2');
    expect(fake.requests.length).toBe(requestsAfterFirst);

    fake.enqueue({ kind: 'text', text: 'Paris, again.', model: 'llama3.2' });
    const fresh = await ask({ 'cache-control': 'no-cache' });
    expect(fresh.data.choices[0]!.message.content).toBe('Paris, again.');
    expect(fresh.response.headers.get('x-switchboard-cache')).toBeNull();
    expect(fake.requests.length).toBe(requestsAfterFirst + 1);
  });

  it('streams a replay as a normal stream, ending with [DONE]', async () => {
    const stream = await client.chat.completions.create({
      model: 'kept',
      messages: [{ role: 'user', content: 'Capital of France?' }],
      stream: true,
    });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe('Paris, again.');
  });
});

describe('call settings through the local API', () => {
  it('passes sampling settings on to the provider, and refuses a temperature out of range', async () => {
    fake.enqueue({ kind: 'text', text: 'ok', model: 'llama3.2' });
    await client.chat.completions.create({
      model: 'local/llama3.2',
      messages: [{ role: 'user', content: 'Hi' }],
      temperature: 0.4,
      max_completion_tokens: 32,
      top_p: 0.9,
      stop: 'END',
      seed: 7,
      presence_penalty: 0.5,
      frequency_penalty: 0.25,
    });
    expect(fake.requests.at(-1)!.body).toMatchObject({
      temperature: 0.4,
      max_tokens: 32,
      top_p: 0.9,
      stop: ['END'],
      seed: 7,
      presence_penalty: 0.5,
      frequency_penalty: 0.25,
    });
    await expect(
      client.chat.completions.create({
        model: 'local/llama3.2',
        messages: [{ role: 'user', content: 'Hi' }],
        temperature: 7,
      }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringContaining('temperature') });
  });

  it('refuses what it cannot do yet (tools, several answers) instead of dropping it silently', async () => {
    const requests = fake.requests.length;
    const ask = (extra: Record<string, unknown>) =>
      client.chat.completions.create({
        model: 'local/llama3.2',
        messages: [{ role: 'user', content: 'Hi' }],
        ...extra,
      } as OpenAI.ChatCompletionCreateParamsNonStreaming);
    await expect(
      ask({ tools: [{ type: 'function', function: { name: 'lookup', parameters: { type: 'object' } } }] }),
    ).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining('tools and function calling are not supported'),
    });
    await expect(ask({ n: 2 })).rejects.toMatchObject({ status: 400, message: expect.stringContaining('"n" above 1') });
    await expect(ask({ response_format: { type: 'json_object' } })).rejects.toMatchObject({ status: 400 });
    expect(fake.requests.length).toBe(requests);
  });
});
