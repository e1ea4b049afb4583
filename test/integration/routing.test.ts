// Routes that pick their order (cheapest, fastest, weighted), benched targets and too-small context windows,
// through the real core (config file, SQLite) and the local API against fake providers on 127.0.0.1.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RouteHealthView } from '../../shared/contract';
import type { CallPart } from '../../shared/types/chat';
import type { UsageRecord } from '../../shared/types/usage';
import { createCoreFromServices } from '../../electron/core/create-core';
import { createServices, type Services } from '../../electron/core/services';
import type { Core } from '../../electron/core/types';
import { createKeytarKeychain } from '../../electron/keychain/keytar-keychain';
import { startServer, type RunningServer } from '../../electron/server/start-server';
import { deadPort, startFakeProvider, type FakeProvider } from '../fake-provider';
import { seededRandom } from './seeded-random';

let home: string;
let cheap: FakeProvider;
let dear: FakeProvider;
let services: Services;
let core: Core;
let server: RunningServer;
const benchMs = 400;

async function run(modelId: string, content = 'Hi') {
  const parts: CallPart[] = [];
  for await (const part of services.gateway.stream({ modelId, messages: [{ role: 'user', content }], source: 'app' }))
    parts.push(part);
  const last = parts.at(-1)!;
  if (last.type !== 'finish' && last.type !== 'error') throw new Error('no terminal part');
  const tried = parts.flatMap((part) => (part.type === 'attempt-start' ? [part.target] : []));
  return { last, record: last.record, tried };
}

/** A past call of a route, as if the user had made it. */
function pastCall(route: string, target: string, ttftMs: number, tokensPerSecond: number): UsageRecord {
  return {
    id: randomUUID(),
    createdAt: new Date(Date.now() - 60_000).toISOString(),
    source: 'app',
    status: 'ok',
    requestedModel: route,
    target,
    servedModel: 'm',
    finishReason: 'stop',
    timeToFirstTokenMs: ttftMs,
    totalMs: ttftMs + 1000,
    usage: { inputTokens: 10, cacheReadTokens: 0, cacheWriteTokens: 0, outputTokens: 100, reasoningTokens: null },
    tokensPerSecond,
    costUSD: null,
    costSource: 'unknown',
    attempts: [{ target, startedAtMs: 0, durationMs: ttftMs + 1000, error: null }],
    error: null,
    conversationId: null,
    apiProtocol: null,
    apiPath: null,
  };
}

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'switchboard-routing-'));
  cheap = await startFakeProvider();
  dear = await startFakeProvider();
  const config = {
    endpoints: [
      { id: 'cheap', kind: 'openai-compatible', baseURL: `${cheap.url}/v1`, prices: { m: { input: 1, output: 2 } } },
      { id: 'dear', kind: 'openai-compatible', baseURL: `${dear.url}/v1`, prices: { m: { input: 10, output: 30 } } },
      { id: 'unpriced', kind: 'openai-compatible', baseURL: `${dear.url}/v1` },
      { id: 'tiny', kind: 'openai-compatible', baseURL: `${dear.url}/v1`, contextWindows: { m: 50 } },
      { id: 'dead', kind: 'openai-compatible', baseURL: `http://127.0.0.1:${await deadPort()}/v1` },
    ],
    routes: {
      thrifty: { strategy: 'cheapest', targets: ['unpriced/m', 'dear/m', 'cheap/m'] },
      quick: { strategy: 'fastest', targets: ['cheap/m', 'dear/m'] },
      spread: { strategy: 'weighted', targets: ['cheap/m', 'dear/m'], weights: { 'cheap/m': 3, 'dear/m': 1 } },
      flaky: { targets: ['dead/m', 'cheap/m'] },
      roomy: { targets: ['tiny/m', 'cheap/m'] },
      cramped: { targets: ['tiny/m'] },
      picky: { targets: ['dear/p', 'cheap/m'] },
    },
  };
  await writeFile(join(home, 'config.json'), JSON.stringify(config));
  services = createServices({
    dataDir: home,
    keychain: createKeytarKeychain(),
    routing: { random: seededRandom(7), health: { failuresToBench: 3, benchMs }, statsTtlMs: 0, exploreRate: 0 },
  });
  core = createCoreFromServices(services);
  server = await startServer({ services, core, rendererDir: home, port: 0 });
});
afterAll(async () => {
  await server.close();
  await core.dispose();
  await Promise.all([cheap.close(), dear.close()]);
  await rm(home, { recursive: true, force: true });
});
beforeEach(() => {
  cheap.clearQueue();
  dear.clearQueue();
  cheap.setDefault({ kind: 'text', text: 'from cheap', model: 'm', usage: { inputTokens: 10, outputTokens: 5 } });
  dear.setDefault({ kind: 'text', text: 'from dear', model: 'm', usage: { inputTokens: 10, outputTokens: 5 } });
});

describe('route strategies', () => {
  it('cheapest sends the request to the cheapest priced target, unpriced last, and keeps why', async () => {
    const { last, record, tried } = await run('thrifty');
    expect(last.type).toBe('finish');
    expect(tried).toEqual(['cheap/m']);
    expect(record.routeDecision!.strategy).toBe('cheapest');
    expect(record.routeDecision!.considered.map((entry) => [entry.target, entry.status, entry.outcome])).toEqual([
      ['cheap/m', 'ranked', 'served'],
      ['dear/m', 'ranked', 'not-tried'],
      ['unpriced/m', 'unpriced', 'not-tried'],
    ]);
    // Stored with the row.
    const stored = services.store.listUsage({ limit: 1 })[0]!;
    expect(stored.id).toBe(record.id);
    expect(stored.routeDecision).toEqual(record.routeDecision);
  });

  it('fastest picks the target the history measured faster, and moves when the history changes', async () => {
    for (let i = 0; i < 5; i++) {
      services.store.recordUsage(pastCall('quick', 'cheap/m', 300, 100));
      services.store.recordUsage(pastCall('quick', 'dear/m', 80, 120));
    }
    const first = await run('quick');
    expect(first.tried).toEqual(['dear/m']);
    expect(first.record.routeDecision!.considered[0]!.why).toMatch(/first token ~\d+ ms/);
    // Then dear/m fails its next calls, which cheap/m serves: failures count against it and cheap/m moves ahead.
    for (let i = 1; i <= 4; i++) {
      const failed = pastCall('quick', 'cheap/m', 300, 100);
      failed.createdAt = new Date(Date.now() + i * 1000).toISOString();
      failed.attempts = [
        { target: 'dear/m', startedAtMs: 0, durationMs: 50, error: { code: 'PROVIDER_UNAVAILABLE', message: '503' } },
        { target: 'cheap/m', startedAtMs: 50, durationMs: 1300, error: null },
      ];
      services.store.recordUsage(failed);
    }
    const after = await run('quick');
    expect(after.tried[0]).toBe('cheap/m');
    expect(after.record.routeDecision!.considered[1]).toMatchObject({ target: 'dear/m', status: 'ranked' });
    expect(after.record.routeDecision!.considered[1]!.why).toMatch(/[1-9]\d% served/);
  });

  it('weighted spreads 1,000 calls within 5% of its weights (seeded draws)', async () => {
    const served: Record<string, number> = { 'cheap/m': 0, 'dear/m': 0 };
    for (let i = 0; i < 1000; i++) served[(await run('spread')).record.target!]! += 1;
    expect(Math.abs(served['cheap/m']! / 1000 - 0.75)).toBeLessThan(0.05);
    expect(Math.abs(served['dear/m']! / 1000 - 0.25)).toBeLessThan(0.05);
  }, 60_000);
});

describe('target health and fit', () => {
  it('benches a failing target, skips it without an attempt, then probes it once the bench ends', async () => {
    for (let i = 0; i < 3; i++) expect((await run('flaky')).tried).toEqual(['dead/m', 'cheap/m']);
    const skipped = await run('flaky');
    expect(skipped.tried).toEqual(['cheap/m']);
    expect(skipped.record.routeDecision!.considered.at(-1)).toMatchObject({ target: 'dead/m', status: 'benched' });
    expect(services.router.health.state('dead/m').state).toBe('open');
    // Settings sees the bench, its reason and end, and the route's measurements.
    const health = await core.dispatch('routes.health', {}, { emit: () => undefined });
    if (!health.ok) throw new Error(health.error.message);
    const flaky = (health.data as RouteHealthView[]).find((view) => view.name === 'flaky')!;
    expect(flaky.targets[0]).toMatchObject({ target: 'dead/m', state: 'benched', failures: 3, successRate: 0 });
    expect(flaky.targets[0]!.reason).toBeTruthy();
    expect(Date.parse(flaky.targets[0]!.benchedUntil!)).toBeGreaterThan(Date.now());
    expect(flaky.targets[1]).toMatchObject({ target: 'cheap/m', state: 'ok', successRate: 1 });
    expect(flaky.targets[1]!.medianTtftMs).toBeGreaterThan(0);
    // Cost from the calls it served at its config price; the dead target served none, so it has no cost, not $0.
    expect(flaky.targets[1]!.medianCostUSD).toBeGreaterThan(0);
    expect(flaky.targets[0]!.medianCostUSD).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, benchMs + 50));
    const probed = await run('flaky');
    expect(probed.tried).toEqual(['dead/m', 'cheap/m']);
    expect(probed.record.routeDecision!.considered[0]).toMatchObject({ target: 'dead/m', status: 'probe' });
    // The failed probe benches it again at once.
    expect((await run('flaky')).tried).toEqual(['cheap/m']);
  });

  it('a probe refused for the request itself (400) settles nothing: the next call probes again', async () => {
    const overloaded = { kind: 'http-error' as const, status: 503, body: { error: { message: 'overloaded' } } };
    for (let i = 0; i < 3; i++) {
      dear.enqueue(overloaded);
      expect((await run('picky')).tried).toEqual(['dear/p', 'cheap/m']);
    }
    expect((await run('picky')).tried).toEqual(['cheap/m']);
    await new Promise((resolve) => setTimeout(resolve, benchMs + 50));
    dear.enqueue({ kind: 'http-error', status: 400, body: { error: { message: 'bad field' } } });
    const refused = await run('picky');
    expect(refused.tried).toEqual(['dear/p']);
    expect(refused.last.type).toBe('error');
    const next = await run('picky');
    expect(next.tried).toEqual(['dear/p']);
    expect(next.record.routeDecision!.considered[0]).toMatchObject({
      target: 'dear/p',
      status: 'probe',
      outcome: 'served',
    });
    expect(services.router.health.state('dear/p').state).toBe('closed');
  });

  it('skips a target whose context window is too small for the request, and says so when none fits', async () => {
    expect((await run('roomy', 'short')).tried).toEqual(['tiny/m']);
    const long = await run('roomy', 'word '.repeat(200));
    expect(long.tried).toEqual(['cheap/m']);
    expect(long.record.routeDecision!.considered[1]).toMatchObject({ target: 'tiny/m', status: 'too-small' });
    const none = await run('cramped', 'word '.repeat(200));
    expect(none.last).toMatchObject({ type: 'error', code: 'INVALID_INPUT' });
    expect(none.tried).toEqual([]);
    expect((none.last as { message: string }).message).toMatch(/context window/);
  });
});

describe('the local API', () => {
  it('says the decision in x-switchboard-route-decision, streaming or not', async () => {
    const call = (stream: boolean) =>
      fetch(`${server.apiBase}/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'thrifty', stream, messages: [{ role: 'user', content: 'Hi' }] }),
      });
    for (const stream of [false, true]) {
      const response = await call(stream);
      expect(response.status).toBe(200);
      await response.text();
      expect(response.headers.get('x-switchboard-route-decision')).toBe(
        'cheapest;cheap/m=ranked:served,dear/m=ranked:not-tried,unpriced/m=unpriced:not-tried',
      );
    }
    // The newest row of these API calls (other tests' calls on this store may end later).
    const stored = services.store
      .listUsage({ limit: 50 })
      .find((row) => row.source === 'api' && row.requestedModel === 'thrifty')!;
    expect(stored.routeDecision!.considered[0]).toMatchObject({ target: 'cheap/m', outcome: 'served' });
  });
});
