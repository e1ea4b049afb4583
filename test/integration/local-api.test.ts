// The local OpenAI-compatible API in process: what its responses say about how they were served.
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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

describe('a target that speaks Chat Completions', () => {
  it('gets the body as the client sent it, with only the model rewritten', async () => {
    fake.enqueue({ kind: 'text', text: 'ok', model: 'llama3.2' });
    const body = {
      model: 'local/llama3.2',
      messages: [{ role: 'user' as const, content: 'Hi', name: 'ada' }],
      temperature: 0.4,
      max_completion_tokens: 32,
      stop: 'END',
      seed: 7,
      n: 2,
      logit_bias: { '50256': -100 },
      tools: [{ type: 'function' as const, function: { name: 'lookup', parameters: { type: 'object' } } }],
      response_format: { type: 'json_object' as const },
    };
    await client.chat.completions.create(body);
    expect(fake.requests.at(-1)!.body).toEqual({ ...body, model: 'llama3.2' });
  });

  it('refuses a body outside the protocol (a temperature out of range) before any provider is called', async () => {
    const requests = fake.requests.length;
    await expect(
      client.chat.completions.create({
        model: 'local/llama3.2',
        messages: [{ role: 'user', content: 'Hi' }],
        temperature: 7,
      }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringContaining('temperature') });
    expect(fake.requests.length).toBe(requests);
  });

  it('answers with the provider’s own body, its model naming the target, and records the call', async () => {
    fake.enqueue({ kind: 'text', text: 'Whole.', model: 'llama3.2', usage: { inputTokens: 9, outputTokens: 2 } });
    const { data, response } = await client.chat.completions
      .create({ model: 'local/llama3.2', messages: [{ role: 'user', content: 'Hi' }] })
      .withResponse();
    expect(data).toMatchObject({ id: 'chatcmpl-fake', model: 'local/llama3.2', usage: { prompt_tokens: 9 } });
    expect(response.headers.get('x-switchboard-target')).toBe('local/llama3.2');
    const [row] = services.store.listUsage({ limit: 1 });
    expect(row).toMatchObject({ source: 'api', apiProtocol: 'openai-chat', apiPath: 'pass-through', status: 'ok' });
    expect(row!.usage).toMatchObject({ inputTokens: 9, outputTokens: 2 });
  });
});

describe('the local API key', () => {
  const models = (init: RequestInit = {}, query = '') => fetch(`${server.apiBase}/models${query}`, init);

  it('is taken from Authorization: Bearer or x-api-key only, never from a cookie or the query string', async () => {
    expect((await models({ headers: { authorization: `Bearer ${server.token}` } })).status).toBe(200);
    expect((await models({ headers: { 'x-api-key': server.token } })).status).toBe(200);
    const byCookie = await models({ headers: { cookie: `switchboard_token=${server.token}` } });
    expect(byCookie.status).toBe(401);
    expect(await byCookie.json()).toMatchObject({ error: { code: 'invalid_api_key', type: 'invalid_request_error' } });
    expect((await models({}, `?token=${server.token}`)).status).toBe(401);
  });

  it('is not the page secret: the page secret does not open the API', async () => {
    expect(server.pageSecret).not.toBe(server.token);
    expect((await models({ headers: { authorization: `Bearer ${server.pageSecret}` } })).status).toBe(401);
    expect((await models({ headers: { 'x-api-key': server.pageSecret } })).status).toBe(401);
  });

  it('refuses a body that is not JSON (a no-cors text/plain POST from another local page) with a 415', async () => {
    const requests = fake.requests.length;
    const body = JSON.stringify({ model: 'local/llama3.2', messages: [{ role: 'user', content: 'Spend' }] });
    const post = (headers: Record<string, string>) =>
      fetch(`${server.apiBase}/chat/completions`, { method: 'POST', headers, body });
    // What a page on another port can send without asking: a simple request, with the old cookie.
    const fromPage = await post({ 'content-type': 'text/plain', cookie: `switchboard_token=${server.token}` });
    expect(fromPage.status).toBe(401);
    const withKey = await post({ 'content-type': 'text/plain', authorization: `Bearer ${server.token}` });
    expect(withKey.status).toBe(415);
    expect(await withKey.json()).toEqual({
      error: {
        message: 'Send the body as JSON with `Content-Type: application/json`.',
        type: 'invalid_request_error',
        param: null,
        code: 'unsupported_media_type',
      },
    });
    expect(fake.requests.length).toBe(requests);
  });
});

describe('a base URL that points back at Switchboard', () => {
  it('is answered 508 Loop Detected, in OpenAI’s format, before any provider is called', async () => {
    const requests = fake.requests.length;
    const response = await fetch(`${server.apiBase}/chat/completions`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer sk-some-provider-key',
        'content-type': 'application/json',
        'x-switchboard-hop': '1',
      },
      body: JSON.stringify({ model: 'local/llama3.2', messages: [{ role: 'user', content: 'Hi' }] }),
    });
    expect(response.status).toBe(508);
    expect(await response.json()).toMatchObject({
      error: {
        message: expect.stringContaining(
          "this endpoint's base URL points back at Switchboard's own local API; point it at the provider instead",
        ),
        code: 'loop_detected',
      },
    });
    expect(fake.requests.length).toBe(requests);
  });
});

/** An OpenAI-compatible provider that waits before its first chunk (or before refusing). */
async function startSlowProvider(delayMs: number, outcome: 'text' | 'bad-request') {
  const provider = createServer((request, response) => {
    request.resume();
    setTimeout(() => {
      if (outcome === 'bad-request') {
        response
          .writeHead(400, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: { message: 'This model does not take that.', type: 'invalid_request_error' } }));
        return;
      }
      const chunk = (delta: object, finish: string | null) =>
        `data: ${JSON.stringify({ id: 'x', object: 'chat.completion.chunk', created: 0, model: 'slow', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(`${chunk({ content: 'Late but here.' }, null)}${chunk({}, 'stop')}data: [DONE]\n\n`);
    }, delayMs);
  });
  provider.listen(0, '127.0.0.1');
  await once(provider, 'listening');
  return {
    url: `http://127.0.0.1:${(provider.address() as AddressInfo).port}/v1`,
    close: () => new Promise<void>((resolve) => provider.close(() => resolve())),
  };
}

describe('a streaming call waiting for its first token', () => {
  let slowHome: string;
  let slowServices: Services;
  let slowCore: Core;
  let slowServer: RunningServer;
  const providers: { close(): Promise<void> }[] = [];

  beforeAll(async () => {
    slowHome = await mkdtemp(join(tmpdir(), 'switchboard-keep-alive-'));
    const slow = await startSlowProvider(600, 'text');
    const refusing = await startSlowProvider(600, 'bad-request');
    providers.push(slow, refusing);
    const config = {
      endpoints: [
        { id: 'slow', kind: 'openai-compatible', baseURL: slow.url },
        { id: 'refusing', kind: 'openai-compatible', baseURL: refusing.url },
      ],
    };
    await writeFile(join(slowHome, 'config.json'), JSON.stringify(config));
    slowServices = createServices({ dataDir: slowHome });
    slowCore = createCoreFromServices(slowServices);
    slowServer = await startServer({
      services: slowServices,
      core: slowCore,
      rendererDir: slowHome,
      port: 0,
      limits: { keepAliveMs: 100 },
    });
  });
  afterAll(async () => {
    await slowServer?.close();
    await slowCore?.dispose();
    for (const provider of providers) await provider.close();
    await rm(slowHome, { recursive: true, force: true });
  });

  const stream = (model: string) =>
    fetch(`${slowServer.apiBase}/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${slowServer.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model, messages: [{ role: 'user', content: 'Hi' }], stream: true }),
    });

  it('hears keep-alive comments until the text comes, and an OpenAI client reads the answer', async () => {
    const response = await stream('slow/m');
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text.indexOf(': keep-alive\n\n')).toBeGreaterThanOrEqual(0);
    expect(text.indexOf(': keep-alive')).toBeLessThan(text.indexOf('Late but here.'));
    expect(text.trimEnd().endsWith('data: [DONE]')).toBe(true);

    const slowClient = new OpenAI({ baseURL: slowServer.apiBase, apiKey: slowServer.token, maxRetries: 0 });
    let answer = '';
    for await (const chunk of await slowClient.chat.completions.create({
      model: 'slow/m',
      messages: [{ role: 'user', content: 'Hi' }],
      stream: true,
    })) {
      answer += chunk.choices[0]?.delta.content ?? '';
    }
    expect(answer).toBe('Late but here.');
  });

  it('answers a failure before the first keep-alive with its own status, and keeps no timer behind', async () => {
    const response = await stream('nowhere/m');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'model_not_found' } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await stream('slow/m')).status).toBe(200);
  });

  it('sends a failure after the keep-alives as an error event, never as [DONE]', async () => {
    const response = await stream('refusing/m');
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/^: keep-alive\n\n/);
    expect(text).toMatch(/data: \{"error":\{"message":"[^"]*This model does not take that\.[^"]*"/);
    expect(text).not.toContain('[DONE]');
  });
});
