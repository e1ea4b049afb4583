// Browser mode's socket: opened by the page secret alone, every request of the contract over it, and a closed
// tab's streams cancelled.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCoreFromServices } from '../../electron/core/create-core';
import { createServices } from '../../electron/core/services';
import type { Core } from '../../electron/core/types';
import { startServer, type RunningServer } from '../../electron/server/start-server';
import type { RouteInput, RouteName, RouteOutput, UsageSummary } from '../../shared/contract';
import { startFakeProvider, type FakeProvider } from '../fake-provider';
import { bridgeUrl, openBridge, pageProtocols, serverOrigin } from './bridge-client';

const hasKeyring = process.env.SWITCHBOARD_TEST_KEYRING === '1';

let home: string;
let fake: FakeProvider;
let core: Core;
let server: RunningServer;

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'switchboard-bridge-'));
  fake = await startFakeProvider({ models: ['a', 'b'] });
  const services = createServices({ dataDir: home });
  core = createCoreFromServices(services, { localApi: () => ({ apiBase: server.apiBase, token: server.token }) });
  server = await startServer({ services, core, rendererDir: home, port: 0 });
});
beforeEach(() => fake.clearQueue());
afterAll(async () => {
  await server?.close();
  await core?.dispose();
  await fake?.close();
  await rm(home, { recursive: true, force: true });
});

describe('who opens the socket', () => {
  it('the page secret opens it, and the server selects the `switchboard` subprotocol', async () => {
    const client = await openBridge(server);
    expect(client.socket.readyState).toBe(WebSocket.OPEN);
    expect(client.socket.protocol).toBe('switchboard');
    expect(await client.request('routes.list', {})).toEqual({ ok: true, data: [] });
    client.socket.close();
  });

  it('the local API key does not: offered as the secret, in the query or as a bearer header, it is closed unanswered', async () => {
    const attempts = [
      await openBridge(server, pageProtocols(server.token)),
      await openBridge(server, ['switchboard'], {
        origin: serverOrigin(server),
        headers: { cookie: `switchboard_token=${server.token}` },
      }),
      await openBridge(server, ['switchboard'], {
        origin: serverOrigin(server),
        headers: { authorization: `Bearer ${server.token}` },
      }),
    ];
    const byQuery = new WebSocket(`${bridgeUrl(server)}?token=${server.token}`, ['switchboard'], {
      origin: serverOrigin(server),
    });
    byQuery.on('error', () => {});
    for (const client of attempts) {
      client.socket.send(JSON.stringify({ id: 1, route: 'endpoints.list', input: {} }));
      expect(await client.closed).toBe(4401);
      expect(client.messages).toEqual([]);
    }
    const [queryCode] = await new Promise<[number]>((resolve) => byQuery.once('close', (code) => resolve([code])));
    expect(queryCode).toBe(4401);
  });

  it('another origin is refused at the handshake, even with the page secret', async () => {
    const refused = await new Promise<number | undefined>((resolve) => {
      const socket = new WebSocket(bridgeUrl(server), pageProtocols(server.pageSecret), {
        origin: 'http://127.0.0.1:9',
      });
      socket.on('unexpected-response', (_request, response) => resolve(response.statusCode));
      socket.on('open', () => resolve(101));
      socket.on('error', () => {});
    });
    expect(refused).toBe(403);
  });
});

describe('a closed tab', () => {
  it('cancels the streams its socket started: the provider request is aborted and the call recorded cancelled', async () => {
    const client = await openBridge(server);
    await client.request('endpoints.save', {
      id: 'slow',
      kind: 'openai-compatible',
      baseURL: `${fake.url}/v1`,
      models: ['m'],
    });
    fake.enqueue({ kind: 'text', text: 'word '.repeat(200), deltas: 200, delayMs: 50 });
    const sent = await client.request('chat.send', {
      modelId: 'slow/m',
      text: 'Talk for a while',
    });
    expect(sent.ok).toBe(true);
    const hasText = () =>
      client.messages.some(
        (message) =>
          message.kind === 'event' &&
          message.event === 'chat.parts' &&
          message.payload.parts.some((part) => part.type === 'text-delta'),
      );
    await expect.poll(hasText, { timeout: 5000 }).toBe(true);
    const upstream = fake.requests.at(-1)!;

    client.socket.terminate();
    await upstream.aborted;
    const newest = async () => {
      const usage = await core.dispatch('usage.list', { source: 'app' }, { emit: () => {} });
      return (usage as { ok: true; data: UsageSummary }).data.records[0];
    };
    await expect.poll(async () => (await newest())?.status, { timeout: 5000 }).toBe('cancelled');
    expect((await newest())?.requestedModel).toBe('slow/m');
  });
});

describe('the contract over the socket', () => {
  it('answers every request the renderer can make', async () => {
    fake.setDefault({ kind: 'text', text: 'ok', deltas: 1 });
    const client = await openBridge(server);
    const state = {
      conversationId: '',
      streamId: '',
      questionId: '',
      exported: '',
      promptId: '',
      versionId: '',
      runId: '',
      sessionId: '',
      paneId: '',
      setId: '',
    };
    const compareSetup = (paneId?: string) => ({
      panes: [{ modelId: 'every/a', ...(paneId ? { conversationId: paneId } : {}) }, { modelId: 'every/b' }],
    });
    // Typed over every request: a request added to the contract must be added here.
    const inputs: { [K in RouteName]: () => RouteInput<K> } = {
      'endpoints.list': () => ({}),
      'endpoints.save': () => ({
        id: 'every',
        kind: 'openai-compatible',
        baseURL: `${fake.url}/v1`,
        models: ['a', 'b'],
      }),
      'keys.set': () => ({ endpointId: 'every', key: 'sk-every-route-1234' }),
      'keys.test': () => ({ endpointId: 'every', model: 'a' }),
      'keys.remove': () => ({ endpointId: 'every' }),
      'models.list': () => ({}),
      'endpoints.add': () => ({
        endpoint: { id: 'added', kind: 'openai-compatible', baseURL: `${fake.url}/v1` },
        isTested: true,
      }),
      'models.refresh': () => ({ endpointId: 'every' }),
      'models.catalog': () => ({}),
      'localServers.find': () => ({}),
      'routes.save': () => ({ name: 'pair', targets: ['every/a', 'every/b'] }),
      'routes.list': () => ({}),
      'routes.health': () => ({}),
      'routes.setStrategy': () => ({ name: 'pair', strategy: 'weighted', weights: { 'every/a': 3, 'every/b': 1 } }),
      'routes.remove': () => ({ name: 'pair' }),
      'localApi.info': () => ({}),
      'telemetry.save': () => ({ endpoint: 'http://127.0.0.1:4318', enabled: false, includeContent: false }),
      'telemetry.get': () => ({}),
      'chat.send': () => ({ modelId: 'every/a', text: 'Hi' }),
      'chat.edit': () => ({
        conversationId: state.conversationId,
        messageId: state.questionId,
        modelId: 'every/a',
        text: 'Hey',
      }),
      'chat.regenerate': () => ({
        conversationId: state.conversationId,
        messageId: state.questionId,
        modelId: 'every/b',
      }),
      'compare.send': () => ({ prompt: 'Which?', setup: compareSetup() }),
      'compare.regenerate': () => ({
        sessionId: state.sessionId,
        conversationId: state.paneId,
        setup: compareSetup(state.paneId),
      }),
      'compare.sessions': () => ({}),
      'compare.open': () => ({ sessionId: state.sessionId }),
      'compare.saveSet': () => ({ name: 'Pair', setup: compareSetup() }),
      'compare.sets': () => ({}),
      'compare.saveCurrent': () => ({ setup: compareSetup(), prompt: 'Which?', sessionId: state.sessionId }),
      'compare.current': () => ({}),
      'compare.continue': () => ({ sessionId: state.sessionId, conversationId: state.paneId }),
      'compare.removeSet': () => ({ setId: state.setId }),
      'chat.cancel': () => ({ streamId: state.streamId }),
      'conversations.list': () => ({}),
      'conversations.messages': () => ({ conversationId: state.conversationId }),
      'conversations.open': () => ({ conversationId: state.conversationId }),
      'conversations.update': () => ({ conversationId: state.conversationId, title: 'Renamed', isPinned: true }),
      'conversations.search': () => ({ query: 'Hi' }),
      'conversations.export': () => ({ conversationId: state.conversationId, format: 'json' }),
      'conversations.import': () => ({ text: state.exported }),
      'conversations.remove': () => ({ conversationId: state.conversationId }),
      'conversations.restore': () => ({ conversationId: state.conversationId }),
      'usage.list': () => ({}),
      'usage.report': () => ({}),
      'usage.calls': () => ({ limit: 10 }),
      'usage.export': () => ({ format: 'csv' }),
      'budgets.save': () => ({ endpointId: 'every', monthlyUSD: 5, whenReached: 'warn' }),
      'budgets.status': () => ({}),
      'budgets.remove': () => ({ endpointId: 'every' }),
      'playground.save': () => ({
        name: 'Every',
        draft: { system: '', user: 'Say {{word}}', params: {}, modelIds: ['every/a'] },
        cases: [{ id: 'c1', values: { word: 'hi' }, checks: [] }],
      }),
      'playground.prompts': () => ({}),
      'playground.prompt': () => ({ promptId: state.promptId }),
      'playground.run': () => ({ versionId: state.versionId, concurrency: 2 }),
      'playground.rerunCell': () => ({ runId: state.runId, caseId: 'c1', modelId: 'every/a' }),
      'playground.cancel': () => ({ runId: state.runId }),
      'playground.runs': () => ({ promptId: state.promptId }),
      'playground.runGet': () => ({ runId: state.runId }),
      'compare.vote': () => ({
        modelIds: ['every/a', 'every/b'],
        outcome: 'win',
        winner: 'every/b',
        conversationId: state.conversationId,
      }),
      'compare.leaderboard': () => ({}),
      'compare.resetLeaderboard': () => ({}),
      'endpoints.remove': () => ({ id: 'every' }),
    };
    const answered: Record<string, boolean> = {};
    for (const [route, input] of Object.entries(inputs)) {
      const result = await client.request(route, input());
      const isKeychainMissing = !result.ok && result.error.code === 'KEYCHAIN_UNAVAILABLE';
      answered[route] = result.ok || (!hasKeyring && isKeychainMissing);
      if (route === 'chat.send' && result.ok) {
        const data = result.data as RouteOutput<'chat.send'>;
        Object.assign(state, {
          conversationId: data.conversationId,
          streamId: data.streamId,
          questionId: data.question.id,
        });
      }
      if (route === 'compare.send' && result.ok) {
        const data = result.data as RouteOutput<'compare.send'>;
        Object.assign(state, { sessionId: data.sessionId, paneId: data.panes[0]!.conversationId });
      }
      if (route === 'compare.saveSet' && result.ok) state.setId = (result.data as { id: string }[])[0]!.id;
      if (route === 'conversations.export' && result.ok) state.exported = (result.data as { text: string }).text;
      if (route === 'playground.save' && result.ok) {
        const saved = result.data as { id: string; versions: { id: string }[] };
        Object.assign(state, { promptId: saved.id, versionId: saved.versions[0]!.id });
      }
      if (route === 'playground.run' && result.ok) state.runId = (result.data as { id: string }).id;
      if (route === 'keys.test' && result.ok) expect(result.data).toMatchObject({ isWorking: true });
      if (route === 'compare.leaderboard' && result.ok)
        expect((result.data as RouteOutput<'compare.leaderboard'>).rows[0]).toMatchObject({ modelId: 'every/b' });
      if (route === 'localApi.info' && result.ok)
        expect(result.data).toEqual({ apiBase: server.apiBase, token: server.token });
    }
    expect(answered).toEqual(Object.fromEntries(Object.keys(inputs).map((route) => [route, true])));
    client.socket.close();
    fake.setDefault({ kind: 'text', text: 'Hello from the fake provider.' });
  });
});
