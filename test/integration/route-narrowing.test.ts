// A request narrowing or reordering its route for itself (the contract's `route`, the local API's
// x-switchboard-route header and "switchboard" body extension), and targets skipped for a capability the request
// needs, through the real core (config file, SQLite, OS keychain) and the local API against fake providers.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CallPart } from '../../shared/types/chat';
import type { RoutePreference } from '../../shared/routing/route-preference';
import { createCoreFromServices } from '../../electron/core/create-core';
import { createServices, type Services } from '../../electron/core/services';
import type { Core } from '../../electron/core/types';
import { createKeytarKeychain } from '../../electron/keychain/keytar-keychain';
import { startServer, type RunningServer } from '../../electron/server/start-server';
import { skippedNotes } from '../../shared/routing/skipped-notes';
import { deadPort, startFakeProvider, type FakeProvider } from '../fake-provider';

let home: string;
let first: FakeProvider;
let second: FakeProvider;
let services: Services;
let core: Core;
let server: RunningServer;

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'switchboard-narrow-'));
  first = await startFakeProvider();
  second = await startFakeProvider();
  const config = {
    endpoints: [
      { id: 'one', kind: 'openai-compatible', baseURL: `${first.url}/v1` },
      { id: 'two', kind: 'openai-compatible', baseURL: `${second.url}/v1` },
      { id: 'dead', kind: 'openai-compatible', baseURL: `http://127.0.0.1:${await deadPort()}/v1` },
      { id: 'ant-one', kind: 'anthropic', baseURL: `${first.url}/v1` },
      { id: 'ant-two', kind: 'anthropic', baseURL: `${second.url}/v1` },
      { id: 'resp-one', kind: 'openai', baseURL: `${first.url}/v1` },
      { id: 'resp-two', kind: 'openai', baseURL: `${second.url}/v1` },
      {
        id: 'plain',
        kind: 'openai-compatible',
        baseURL: `${first.url}/v1`,
        capabilities: { '*': { tools: false, images: false, structuredOutput: false } },
      },
    ],
    routes: {
      pair: { targets: ['one/m', 'two/m'] },
      'ant-pair': { targets: ['ant-one/c', 'ant-two/c'] },
      'resp-pair': { targets: ['resp-one/g', 'resp-two/g'] },
      capable: { targets: ['plain/m', 'two/m'] },
      'plain-only': { targets: ['plain/m'] },
      'dead-first': { targets: ['dead/m', 'two/m'] },
      'kept-pair': { targets: ['one/m', 'two/m'], cache: { ttlSeconds: 600 } },
    },
  };
  await writeFile(join(home, 'config.json'), JSON.stringify(config));
  const keychain = createKeytarKeychain();
  for (const id of ['ant-one', 'ant-two', 'resp-one', 'resp-two']) await keychain.set(id, `sk-narrow-${id}`);
  services = createServices({ dataDir: home, keychain });
  core = createCoreFromServices(services);
  server = await startServer({ services, core, rendererDir: home, port: 0 });
});
afterAll(async () => {
  await server.close();
  await core.dispose();
  await Promise.all([first.close(), second.close()]);
  await rm(home, { recursive: true, force: true });
});
beforeEach(() => {
  for (const fake of [first, second]) {
    fake.clearQueue();
    fake.requests.length = 0;
  }
  first.setDefault({ kind: 'text', text: 'from first', usage: { inputTokens: 5, outputTokens: 2 } });
  second.setDefault({ kind: 'text', text: 'from second', usage: { inputTokens: 5, outputTokens: 2 } });
});

async function run(modelId: string, route?: RoutePreference, messages = [{ role: 'user' as const, content: 'Hi' }]) {
  const parts: CallPart[] = [];
  for await (const part of services.gateway.stream({ modelId, messages, source: 'app', route })) parts.push(part);
  const last = parts.at(-1) as Extract<CallPart, { type: 'finish' | 'error' }>;
  const tried = parts.flatMap((part) => (part.type === 'attempt-start' ? [part.target] : []));
  return { last, record: last.record, tried };
}

const paths = { chat: '/chat/completions', messages: '/messages', responses: '/responses' } as const;
const bodies = {
  chat: (model: string) => ({ model, messages: [{ role: 'user', content: 'Hi' }] }),
  messages: (model: string) => ({ model, max_tokens: 50, messages: [{ role: 'user', content: 'Hi' }] }),
  responses: (model: string) => ({ model, input: 'Hi' }),
};

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.apiBase}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

const everyRequest = () => [...first.requests, ...second.requests];

describe('a request narrows or reorders its route', () => {
  it('through the contract: only calls just that target, order changes who serves', async () => {
    const only = await run('pair', { only: ['two/m'] });
    expect(only.tried).toEqual(['two/m']);
    expect(first.requests).toHaveLength(0);
    expect(only.record.routeDecision!.narrowed).toBe('only two/m');
    expect(only.record.routeDecision!.considered.at(-1)).toMatchObject({ target: 'one/m', status: 'left-out' });
    // Written first is one/m; the request's order puts two/m first.
    expect((await run('pair')).record.target).toBe('one/m');
    const reordered = await run('pair', { order: ['two'] });
    expect(reordered.record.target).toBe('two/m');
    expect(reordered.record.routeDecision!.considered[0]!.why).toMatch(/asked first by the request/);
    // Ignoring one endpoint leaves the other.
    expect((await run('pair', { ignore: ['one'] })).tried).toEqual(['two/m']);
  });

  it('replays a kept answer only from a target the request kept', async () => {
    const question = [{ role: 'user' as const, content: 'Kept?' }];
    expect((await run('kept-pair', undefined, question)).record.target).toBe('one/m');
    const narrowed = await run('kept-pair', { only: ['two/m'] }, question);
    expect(narrowed.record).toMatchObject({ target: 'two/m', costSource: expect.not.stringMatching(/^cache$/) });
    expect(second.requests).toHaveLength(1);
    // Its fresh answer is the kept one now: a call without a preference replays it.
    expect((await run('kept-pair', undefined, question)).record).toMatchObject({
      target: 'two/m',
      costSource: 'cache',
    });
    // A request that keeps only one/m does not get two/m's answer replayed.
    const onlyOne = await run('kept-pair', { only: ['one'] }, question);
    expect(onlyOne.record.costSource).not.toBe('cache');
    expect(onlyOne.tried).toEqual(['one/m']);
    expect(first.requests).toHaveLength(2);
  });

  it('names unknown targets with INVALID_INPUT, before calling anyone', async () => {
    const unknown = await run('pair', { only: ['nope/m', 'two/m'], ignore: ['ghost'] });
    expect(unknown.last).toMatchObject({ type: 'error', code: 'INVALID_INPUT' });
    expect(unknown.last.type === 'error' && unknown.last.message).toMatch(/"nope\/m", "ghost".*one\/m, two\/m/);
    expect(unknown.tried).toEqual([]);
    expect(everyRequest()).toHaveLength(0);
  });

  it('through chat.send on the contract (parsed like every request)', async () => {
    const bad = await core.dispatch(
      'chat.send',
      { modelId: 'pair', text: 'Hi', route: { only: 'two/m' } },
      { emit: () => undefined },
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const done = new Promise<CallPart>((resolve) => {
      const emit = (_event: string, payload: unknown) => {
        const { parts } = payload as { parts: CallPart[] };
        const terminal = parts.find((part) => part.type === 'finish' || part.type === 'error');
        if (terminal) resolve(terminal);
      };
      void core.dispatch('chat.send', { modelId: 'pair', text: 'Hi', route: { only: ['two/m'] } }, { emit });
    });
    const terminal = (await done) as Extract<CallPart, { type: 'finish' }>;
    expect(terminal.record.target).toBe('two/m');
  });

  it('through compare.send: every pane keeps to the targets the request narrowed to', async () => {
    const finished: CallPart[] = [];
    const done = new Promise<void>((resolve) => {
      const emit = (_event: string, payload: unknown) => {
        const { parts } = payload as { parts: CallPart[] };
        for (const part of parts) if (part.type === 'finish' || part.type === 'error') finished.push(part);
        if (finished.length === 2) resolve();
      };
      void core.dispatch(
        'compare.send',
        { prompt: 'Hi', setup: { panes: [{ modelId: 'pair' }, { modelId: 'kept-pair' }] }, route: { only: ['two/m'] } },
        { emit },
      );
    });
    await done;
    expect(finished.map((part) => (part as Extract<CallPart, { type: 'finish' }>).record.target)).toEqual([
      'two/m',
      'two/m',
    ]);
    expect(first.requests).toHaveLength(0);
  });

  for (const protocol of ['chat', 'messages', 'responses'] as const) {
    const route = { chat: 'pair', messages: 'ant-pair', responses: 'resp-pair' }[protocol];
    const [firstTarget, secondTarget] = {
      chat: ['one/m', 'two/m'],
      messages: ['ant-one/c', 'ant-two/c'],
      responses: ['resp-one/g', 'resp-two/g'],
    }[protocol];

    it(`local API ${protocol} (pass-through): the body extension narrows and no provider sees it`, async () => {
      const response = await post(paths[protocol], {
        ...bodies[protocol](route),
        switchboard: { route: { only: [secondTarget] } },
      });
      expect(response.status).toBe(200);
      await response.text();
      expect(response.headers.get('x-switchboard-target')).toBe(secondTarget);
      expect(first.requests).toHaveLength(0);
      expect(second.requests).toHaveLength(1);
      expect(JSON.stringify(second.requests[0]!.body)).not.toContain('switchboard');
    });

    it(`local API ${protocol}: the x-switchboard-route header reorders, and unknown names are a 400`, async () => {
      const reordered = await post(paths[protocol], bodies[protocol](route), {
        'x-switchboard-route': JSON.stringify({ order: [secondTarget, firstTarget] }),
      });
      expect(reordered.status).toBe(200);
      await reordered.text();
      expect(reordered.headers.get('x-switchboard-target')).toBe(secondTarget);
      const refused = await post(paths[protocol], bodies[protocol](route), {
        'x-switchboard-route': JSON.stringify({ only: ['elsewhere/x'] }),
      });
      expect(refused.status).toBe(400);
      expect(await refused.text()).toContain('elsewhere/x');
      expect(first.requests).toHaveLength(0);
    });
  }

  it('local API translated path (Messages to a Chat Completions route) strips the extension too', async () => {
    const response = await post(paths.messages, {
      ...bodies.messages('pair'),
      stream: true,
      switchboard: { route: { order: ['two/m'] } },
    });
    expect(response.status).toBe(200);
    await response.text();
    expect(second.requests).toHaveLength(1);
    expect(JSON.stringify(second.requests[0]!.body)).not.toContain('switchboard');
  });

  it('refuses a malformed preference with a 400 that says how to write it', async () => {
    const header = await post(paths.chat, bodies.chat('pair'), { 'x-switchboard-route': 'only=two/m' });
    expect(header.status).toBe(400);
    expect(await header.text()).toMatch(/x-switchboard-route is JSON/);
    const field = await post(paths.chat, { ...bodies.chat('pair'), switchboard: { route: { fastest: true } } });
    expect(field.status).toBe(400);
    expect(await field.text()).toMatch(/unknown field \\"fastest\\"/);
    expect(everyRequest()).toHaveLength(0);
  });
});

describe('targets that lack a capability the request needs', () => {
  const tools = [{ type: 'function', function: { name: 'weather', parameters: { type: 'object', properties: {} } } }];

  it('skips a target without tools before calling it, naming the capability', async () => {
    const response = await post(paths.chat, { ...bodies.chat('capable'), tools });
    expect(response.status).toBe(200);
    await response.text();
    expect(response.headers.get('x-switchboard-target')).toBe('two/m');
    expect(response.headers.get('x-switchboard-route-decision')).toContain('plain/m=missing-capability:not-tried');
    expect(first.requests).toHaveLength(0);
    const row = services.store
      .listUsage({ limit: 20 })
      .find((candidate) => candidate.source === 'api' && candidate.requestedModel === 'capable')!;
    expect(row.routeDecision!.needs).toEqual(['tools']);
    expect(row.routeDecision!.considered.at(-1)).toMatchObject({ target: 'plain/m', status: 'missing-capability' });
    expect(row.routeDecision!.considered.at(-1)!.why).toContain('tools');
    // Without tools it is called as written.
    const plain = await post(paths.chat, bodies.chat('capable'));
    await plain.text();
    expect(plain.headers.get('x-switchboard-target')).toBe('plain/m');
  });

  it('an image question (app call) skips it too; when no target can, INVALID_INPUT names capability and targets', async () => {
    const image = [
      {
        role: 'user' as const,
        content: 'What is this?',
        attachments: [{ kind: 'image' as const, mediaType: 'image/png', dataBase64: 'iVBORw0KGgo=' }],
      },
    ];
    expect((await run('capable', undefined, image)).tried).toEqual(['two/m']);
    const none = await run('plain-only', undefined, image);
    expect(none.last).toMatchObject({ type: 'error', code: 'INVALID_INPUT' });
    expect(none.last.type === 'error' && none.last.message).toMatch(/needs images, which plain\/m cannot take/);
    expect(none.tried).toEqual([]);
    const schema = await post(paths.chat, {
      ...bodies.chat('plain-only'),
      response_format: { type: 'json_schema', json_schema: { name: 'x', schema: { type: 'object' } } },
    });
    expect(schema.status).toBe(400);
    expect(await schema.text()).toMatch(/structured-output/);
    expect(first.requests).toHaveLength(0);
  });
});

describe("the answer's failover notes", () => {
  /** One chat turn through the contract, as the renderer gets it: its terminal part. */
  function ask(modelId: string, text: string) {
    return new Promise<Extract<CallPart, { type: 'finish' | 'error' }>>((resolve) => {
      const emit = (_event: string, payload: unknown) => {
        const { parts } = payload as { parts: CallPart[] };
        const terminal = parts.find((part) => part.type === 'finish' || part.type === 'error');
        if (terminal) resolve(terminal as Extract<CallPart, { type: 'finish' | 'error' }>);
      };
      void core.dispatch('chat.send', { modelId, text }, { emit });
    });
  }

  it('say a target was skipped because benched (until when) or missing a capability', async () => {
    for (let i = 0; i < 3; i++) expect((await ask('dead-first', 'Hi')).record.attempts).toHaveLength(2);
    const after = await ask('dead-first', 'Hi');
    expect(after.record.attempts.map((attempt) => attempt.target)).toEqual(['two/m']);
    const [note] = skippedNotes(after.record.routeDecision);
    expect(note!.text).toMatch(/^dead\/m skipped: benched until \d\d:\d\d:\d\d UTC after failing \(/);
    const until = after.record.routeDecision!.considered.find((entry) => entry.target === 'dead/m')!.until!;
    expect(Date.parse(until)).toBeGreaterThan(Date.now());
    // Read back from the history, the answer carries the same decision.
    const stored = services.store.listUsage({ limit: 1 })[0]!;
    expect(skippedNotes(stored.routeDecision)).toEqual(skippedNotes(after.record.routeDecision));
  });
});
