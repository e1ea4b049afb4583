// Routed calls through the real core (config file, SQLite, adapters) against fake providers.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CallPart } from '../../shared/types/chat';
import { createServices, type Services } from '../../electron/core/services';
import { createKeytarKeychain } from '../../electron/keychain/keytar-keychain';
import { createStreamTarget } from '../../electron/providers/stream-target';
import { deadPort, startFakeProvider, type FakeProvider } from '../fake-provider';

let home: string;
let fake: FakeProvider;
let backup: FakeProvider;
let services: Services;
const hasKeyring = process.env.SWITCHBOARD_TEST_KEYRING === '1';
const keychain = createKeytarKeychain();

/** One call to the end, through `through` (the shared gateway unless a test needs a fresh one). */
async function run(
  modelId: string,
  options: { signal?: AbortSignal; content?: string; cache?: 'refresh'; through?: Services } = {},
) {
  const parts: CallPart[] = [];
  for await (const part of (options.through ?? services).gateway.stream({
    modelId,
    messages: [{ role: 'user', content: options.content ?? 'Hi' }],
    source: 'app',
    signal: options.signal,
    cache: options.cache,
  })) {
    parts.push(part);
  }
  const last = parts.at(-1)!;
  if (last.type !== 'finish' && last.type !== 'error') throw new Error('no terminal part');
  const text = parts.flatMap((part) => (part.type === 'text-delta' ? [part.text] : [])).join('');
  return { parts, last, text, record: last.record };
}

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'switchboard-gateway-'));
  fake = await startFakeProvider();
  backup = await startFakeProvider();
  const config = {
    endpoints: [
      { id: 'dead', kind: 'openai-compatible', baseURL: `http://127.0.0.1:${await deadPort()}/v1` },
      { id: 'primary', kind: 'openai-compatible', baseURL: `${fake.url}/v1`, prices: { m: { input: 1, output: 2 } } },
      { id: 'backup', kind: 'openai-compatible', baseURL: `${backup.url}/v1` },
      { id: 'claude', kind: 'anthropic', baseURL: `${backup.url}/v1` },
      { id: 'nokey', kind: 'openai', baseURL: `${backup.url}/v1` },
    ],
    routes: {
      resilient: { targets: ['dead/m', 'primary/m', 'backup/m'] },
      pair: { targets: ['primary/m', 'backup/m'] },
      keyless: { targets: ['nokey/gpt-4o-mini', 'claude/claude-sonnet-4-5-20250929'] },
      kept: { targets: ['primary/m', 'backup/m'], cache: { ttlSeconds: 600 } },
    },
  };
  await writeFile(join(home, 'config.json'), JSON.stringify(config));
  if (hasKeyring) await keychain.set('claude', 'sk-ant-test-0000');
  services = createServices({ dataDir: home, keychain, streamTarget: createStreamTarget({ timeoutMs: 1000 }) });
});
afterAll(async () => {
  services.dispose();
  if (hasKeyring) await keychain.remove('claude');
  await Promise.all([fake.close(), backup.close()]);
  await rm(home, { recursive: true, force: true });
});
beforeEach(() => {
  fake.clearQueue();
  backup.clearQueue();
  fake.setDefault({ kind: 'text', text: 'from primary', model: 'm', usage: { inputTokens: 100, outputTokens: 50 } });
  backup.setDefault({ kind: 'text', text: 'from backup', model: 'm2', usage: { inputTokens: 100, outputTokens: 50 } });
});

describe('routed calls', () => {
  it('fails over from a dead endpoint, measures and prices the call, and stores it', async () => {
    const { last, text, record, parts } = await run('resilient');
    expect(last.type).toBe('finish');
    expect(text).toBe('from primary');
    expect(
      parts.filter((part) => part.type === 'attempt-start').map((part) => (part as { target: string }).target),
    ).toEqual(['dead/m', 'primary/m']);
    expect(record).toMatchObject({
      status: 'ok',
      requestedModel: 'resilient',
      target: 'primary/m',
      servedModel: 'm',
      finishReason: 'stop',
      costSource: 'config',
    });
    expect(record.usage).toEqual({
      inputTokens: 100,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      outputTokens: 50,
      reasoningTokens: 0,
    });
    expect(record.costUSD).toBeCloseTo((100 * 1 + 50 * 2) / 1e6, 12);
    expect(record.timeToFirstTokenMs).toBeGreaterThan(0);
    expect(record.totalMs).toBeGreaterThanOrEqual(record.timeToFirstTokenMs!);
    expect(record.attempts.map((attempt) => [attempt.target, attempt.error?.code ?? null])).toEqual([
      ['dead/m', 'NETWORK'],
      ['primary/m', null],
    ]);
    expect(services.store.listUsage({ limit: 1 })[0]).toEqual(record);
  });

  it.each([
    ['HTTP 401', { kind: 'http-error', status: 401, body: { error: { message: 'bad key' } } }],
    [
      'HTTP 429',
      { kind: 'http-error', status: 429, body: { error: { message: 'slow down' } }, headers: { 'retry-after': '0' } },
    ],
    ['HTTP 503', { kind: 'http-error', status: 503, body: { error: { message: 'overloaded' } } }],
    ['a reset connection', { kind: 'reset' }],
    ['an error event before any text', { kind: 'text', text: 'never', errorAfterDeltas: 0 }],
    ['a timeout', { kind: 'hang' }],
  ] as const)('moves to the next target on %s', async (_name, failure) => {
    fake.enqueue(failure);
    const { text, record } = await run('pair');
    expect(text).toBe('from backup');
    expect(record.status).toBe('ok');
    expect(record.target).toBe('backup/m');
    expect(record.attempts[0]!.error).not.toBeNull();
    expect(record.costUSD).toBeNull();
    expect(record.costSource).toBe('unknown');
  });

  it('reports an invalid request at once without trying the next target', async () => {
    fake.enqueue({
      kind: 'http-error',
      status: 400,
      body: { error: { message: "Unsupported parameter: 'max_tokens'" } },
    });
    const before = backup.requests.length;
    const { last, record } = await run('pair');
    expect(last).toMatchObject({ type: 'error', code: 'PROVIDER_BAD_REQUEST' });
    expect((last as { message: string }).message).toContain("Unsupported parameter: 'max_tokens'");
    expect(backup.requests.length).toBe(before);
    expect(record.status).toBe('error');
  });

  it('keeps the partial text and marks the call interrupted when it fails after the first token', async () => {
    fake.enqueue({ kind: 'text', text: 'The beginning of an answer', deltas: 5, errorAfterDeltas: 2 });
    const before = backup.requests.length;
    const { last, text, record } = await run('pair');
    expect(text.length).toBeGreaterThan(0);
    expect('The beginning of an answer'.startsWith(text)).toBe(true);
    expect(last).toMatchObject({ type: 'error', code: 'INTERRUPTED' });
    expect(record.status).toBe('interrupted');
    expect(record.target).toBe('primary/m');
    expect(backup.requests.length).toBe(before);
  });

  it.skipIf(!hasKeyring)('fails over past an endpoint without a key (real keychain)', async () => {
    const { text, record } = await run('keyless');
    expect(text).toBe('from backup');
    expect(record.attempts[0]!.error).toMatchObject({ code: 'KEY_MISSING' });
    expect(record.attempts[0]!.error!.message).toBe(
      'no API key for nokey: set one in Settings or with `switchboard keys set nokey`',
    );
    expect(backup.requests.at(-1)!.headers['x-api-key']).toBe('sk-ant-test-0000');
  });

  it('says every target failed, with each reason, when none answers', async () => {
    fake.enqueue({ kind: 'http-error', status: 500, body: { error: { message: 'boom' } } });
    // The last target gets one more try after a passing failure, so it must fail twice.
    backup.enqueue(
      { kind: 'http-error', status: 503, body: { error: { message: 'down' } } },
      { kind: 'http-error', status: 503, body: { error: { message: 'down' } } },
    );
    const { last, record } = await run('pair');
    expect(last).toMatchObject({ type: 'error', code: 'ALL_TARGETS_FAILED' });
    expect((last as { message: string }).message).toMatch(
      /Every target of pair failed\. primary\/m: .*boom \| backup\/m: .*down/,
    );
    expect(record.status).toBe('error');
  });

  it('tries the last target once more after a passing failure, waiting as asked', async () => {
    fake.enqueue({
      kind: 'http-error',
      status: 503,
      body: { error: { message: 'overloaded' } },
      headers: { 'retry-after-ms': '50' },
    });
    const { text, record } = await run('primary/m');
    expect(text).toBe('from primary');
    expect(record.attempts.map((attempt) => [attempt.target, attempt.error?.code ?? null])).toEqual([
      ['primary/m', 'PROVIDER_UNAVAILABLE'],
      ['primary/m', null],
    ]);
    expect(record.attempts[1]!.startedAtMs).toBeGreaterThanOrEqual(50);
  });

  it('does not retry when the provider asks for a long wait', async () => {
    fake.enqueue({
      kind: 'http-error',
      status: 429,
      body: { error: { message: 'quota' } },
      headers: { 'retry-after': '60' },
    });
    const { last, record } = await run('primary/m');
    expect(last).toMatchObject({ type: 'error', code: 'PROVIDER_RATE_LIMITED' });
    expect(record.attempts).toHaveLength(1);
  });

  it('names what exists when the model id is unknown', async () => {
    const { last } = await run('nosuch/model');
    expect(last).toMatchObject({ type: 'error', code: 'UNKNOWN_ENDPOINT' });
    expect((last as { message: string }).message).toMatch(/Endpoints: dead, primary, backup, claude, nokey/);
  });

  it('cancels: aborts the upstream request and records the call as cancelled', async () => {
    fake.enqueue({ kind: 'text', text: 'slow '.repeat(40), deltas: 40, delayMs: 40 });
    const controller = new AbortController();
    const parts: CallPart[] = [];
    for await (const part of services.gateway.stream({
      modelId: 'primary/m',
      messages: [{ role: 'user', content: 'Hi' }],
      source: 'app',
      signal: controller.signal,
    })) {
      parts.push(part);
      if (part.type === 'text-delta') controller.abort();
    }
    expect(parts.at(-1)).toMatchObject({ type: 'error', code: 'CANCELLED', record: { status: 'cancelled' } });
    await expect(
      Promise.race([
        fake.requests.at(-1)!.aborted.then(() => 'closed'),
        new Promise((done) => setTimeout(() => done('open'), 2000)),
      ]),
    ).resolves.toBe('closed');
  });

  // Cooldowns live in the gateway: these tests each get a fresh one, so earlier 429s cannot decide them.
  async function withFreshGateway(test: (fresh: Services) => Promise<void>) {
    const fresh = createServices({ dataDir: home, keychain, streamTarget: createStreamTarget({ timeoutMs: 1000 }) });
    try {
      await test(fresh);
    } finally {
      fresh.dispose();
    }
  }

  it('puts a rate-limited target last until its retry-after passes', () =>
    withFreshGateway(async (fresh) => {
      const call = async () => (await run('pair', { through: fresh })).record;
      fake.enqueue({
        kind: 'http-error',
        status: 429,
        body: { error: { message: 'slow down' } },
        headers: { 'retry-after': '30' },
      });
      const first = await call();
      expect(first.attempts.map((attempt) => [attempt.target, attempt.error?.status ?? null])).toEqual([
        ['primary/m', 429],
        ['backup/m', null],
      ]);
      const second = await call();
      expect(second.attempts.map((attempt) => attempt.target)).toEqual(['backup/m']);
    }));

  it('moves calls off a target whose answer says its rate limit is used up', () =>
    withFreshGateway(async (fresh) => {
      const call = async () => (await run('pair', { through: fresh })).record;
      fake.enqueue({
        kind: 'text',
        text: 'Last one for now.',
        headers: { 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '30s' },
      });
      expect(await call()).toMatchObject({ status: 'ok', target: 'primary/m' });
      const second = await call();
      expect(second.attempts.map((attempt) => attempt.target)).toEqual(['backup/m']);
    }));

  it('replays a kept answer on a route with a cache: no provider call, cost 0, marked in the usage row', () =>
    withFreshGateway(async (fresh) => {
      const ask = (content: string, cache?: 'refresh') => run('kept', { content, cache, through: fresh });
      const calls = () => fake.requests.length + backup.requests.length;

      fake.enqueue({ kind: 'text', text: 'Kept answer.', model: 'm' });
      const first = await ask('Same question');
      expect(first.text).toBe('Kept answer.');
      const before = calls();

      const replay = await ask('Same question');
      expect(calls()).toBe(before);
      expect(replay.text).toBe('Kept answer.');
      expect(replay.parts[0]).toEqual({ type: 'cache-hit', target: 'primary/m' });
      expect(replay.record).toMatchObject({ status: 'ok', costUSD: 0, costSource: 'cache', usage: null, attempts: [] });
      expect(fresh.store.listUsage({ limit: 1 })[0]).toMatchObject({ id: replay.record.id, costSource: 'cache' });

      fake.enqueue({ kind: 'text', text: 'Another answer.', model: 'm' });
      expect((await ask('A different question')).text).toBe('Another answer.');
      expect(calls()).toBe(before + 1);

      fake.enqueue({ kind: 'text', text: 'Refreshed answer.', model: 'm' });
      expect((await ask('Same question', 'refresh')).text).toBe('Refreshed answer.');
      expect((await ask('Same question')).text).toBe('Refreshed answer.');
      expect(calls()).toBe(before + 2);
    }));
});
