// Routed calls through the real core (config file, SQLite, adapters) against fake providers.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CallPart } from '../../shared/types/chat';
import type { GatewayPart } from '../../electron/gateway/types';
import type { ApiCall } from '../../electron/protocols/types';
import { createServices, type Services } from '../../electron/core/services';
import { createKeytarKeychain } from '../../electron/keychain/keytar-keychain';
import { createStreamTarget } from '../../electron/providers/stream-target';
import { deadPort, startFakeProvider, type FakeProvider } from '../fake-provider';
import { startStallingProvider, type StallingProvider } from '../fake-provider/stalling-provider';

let home: string;
let fake: FakeProvider;
let backup: FakeProvider;
let stalling: StallingProvider;
let services: Services;
const hasKeyring = process.env.SWITCHBOARD_TEST_KEYRING === '1';
const keychain = createKeytarKeychain();

/** Whether the upstream request was closed by the client within 2 s. */
const hungUp = (aborted: Promise<void>) =>
  Promise.race([aborted.then(() => 'closed'), new Promise((done) => setTimeout(() => done('open'), 2000))]);

/** The documented estimate for a call cut short: UTF-8 bytes / 4, plus 4 tokens per message of the prompt. */
const estimated = (prompt: string[], answer: string) => {
  const inputTokens = prompt.reduce((total, content) => total + 4 + Math.ceil(Buffer.byteLength(content) / 4), 0);
  const outputTokens = Math.ceil(Buffer.byteLength(answer) / 4);
  // primary/m and stall/m cost $1 in and $2 out per million tokens.
  return { inputTokens, outputTokens, costUSD: (inputTokens * 1 + outputTokens * 2) / 1e6 };
};

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
  stalling = await startStallingProvider();
  const prices = { m: { input: 1, output: 2 } };
  const config = {
    endpoints: [
      { id: 'dead', kind: 'openai-compatible', baseURL: `http://127.0.0.1:${await deadPort()}/v1` },
      { id: 'primary', kind: 'openai-compatible', baseURL: `${fake.url}/v1`, prices: { m: { input: 1, output: 2 } } },
      { id: 'backup', kind: 'openai-compatible', baseURL: `${backup.url}/v1` },
      { id: 'claude', kind: 'anthropic', baseURL: `${backup.url}/v1` },
      { id: 'nokey', kind: 'openai', baseURL: `${backup.url}/v1` },
      { id: 'first', kind: 'openai-compatible', baseURL: `${fake.url}/v1` },
      {
        id: 'stall',
        kind: 'openai-compatible',
        baseURL: `${stalling.url}/v1`,
        prices,
        timeouts: { firstTokenMs: 300 },
      },
    ],
    routes: {
      resilient: { targets: ['dead/m', 'primary/m', 'backup/m'] },
      pair: { targets: ['primary/m', 'backup/m'], timeouts: { firstTokenMs: 1000 } },
      'slow-start': { targets: ['stall/m', 'primary/m'], timeouts: { firstTokenMs: 500 } },
      'stall-alone': { targets: ['stall/m'] },
      'stall-mid': { targets: ['stall/m', 'primary/m'], timeouts: { idleMs: 300 } },
      'short-call': { targets: ['primary/m'], timeouts: { totalMs: 1000 } },
      small: { targets: ['stall/m'], maxAnswerBytes: 64 * 1024 },
      keyless: { targets: ['nokey/gpt-4o-mini', 'claude/claude-sonnet-4-5-20250929'] },
      kept: { targets: ['primary/m', 'backup/m'], cache: { ttlSeconds: 600 } },
      patient: { targets: ['primary/m'], timeouts: { firstTokenMs: 200 } },
      gate: { targets: ['first/m', 'backup/m'] },
    },
  };
  await writeFile(join(home, 'config.json'), JSON.stringify(config));
  if (hasKeyring) await keychain.set('claude', 'sk-ant-test-0000');
  // These routes fail at the same targets call after call: no bench here (routing.test.ts tests benching).
  const routing = { health: { failuresToBench: Number.POSITIVE_INFINITY } };
  services = createServices({ dataDir: home, keychain, streamTarget: createStreamTarget(), routing });
});
afterAll(async () => {
  services.dispose();
  if (hasKeyring) await keychain.remove('claude');
  await Promise.all([fake.close(), backup.close(), stalling.close()]);
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
    // Billed all the same: priced from an estimate, since the provider never said what it used.
    const expected = estimated(['Hi'], text);
    expect(record).toMatchObject({ costSource: 'estimate', usage: { inputTokens: expected.inputTokens } });
    expect(record.usage!.outputTokens).toBe(expected.outputTokens);
    expect(record.costUSD).toBeGreaterThan(0);
    expect(record.costUSD).toBeCloseTo(expected.costUSD, 12);
    expect(services.store.listUsage({ limit: 1 })[0]).toEqual(record);
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
    const last = parts.at(-1)!;
    expect(last).toMatchObject({ type: 'error', code: 'CANCELLED', record: { status: 'cancelled' } });
    await expect(hungUp(fake.requests.at(-1)!.aborted)).resolves.toBe('closed');
    // The partial answer is billed: its row is priced from an estimate and counts in the totals.
    const { record } = last as Extract<CallPart, { type: 'error' }>;
    const text = parts.flatMap((part) => (part.type === 'text-delta' ? [part.text] : [])).join('');
    const expected = estimated(['Hi'], text);
    expect(record).toMatchObject({
      target: 'primary/m',
      costSource: 'estimate',
      usage: { inputTokens: expected.inputTokens, outputTokens: expected.outputTokens },
    });
    expect(record.costUSD).toBeCloseTo(expected.costUSD, 12);
    expect(services.store.listUsage({ limit: 1 })[0]).toEqual(record);
    const [spend] = services.store.spendByModel({ since: record.createdAt });
    expect(spend).toMatchObject({ model: 'primary/m', calls: 1, pricedCalls: 1, unpricedCalls: 0 });
    expect(spend!.costUSD).toBeCloseTo(expected.costUSD, 12);
  });

  it('records a call whose reader stopped early as cancelled, once, and ends the upstream request', async () => {
    fake.enqueue({ kind: 'text', text: 'slow '.repeat(40), deltas: 40, delayMs: 40 });
    const before = services.store.listUsage({ limit: 10_000 }).length;
    let text = '';
    for await (const part of services.gateway.stream({
      modelId: 'primary/m',
      messages: [{ role: 'user', content: 'Hi' }],
      source: 'api',
    })) {
      if (part.type === 'text-delta') {
        text = part.text;
        break;
      }
    }
    await expect(hungUp(fake.requests.at(-1)!.aborted)).resolves.toBe('closed');
    const rows = services.store.listUsage({ limit: 10_000 });
    expect(rows.length).toBe(before + 1);
    const expected = estimated(['Hi'], text);
    expect(rows[0]).toMatchObject({
      status: 'cancelled',
      source: 'api',
      target: 'primary/m',
      error: 'The caller stopped reading the answer.',
      costSource: 'estimate',
      usage: { inputTokens: expected.inputTokens, outputTokens: expected.outputTokens },
    });
    expect(rows[0]!.costUSD).toBeCloseTo(expected.costUSD, 12);
  });

  // Cooldowns live in the gateway: these tests each get a fresh one, so earlier 429s cannot decide them.
  async function withFreshGateway(test: (fresh: Services) => Promise<void>) {
    const fresh = createServices({ dataDir: home, keychain, streamTarget: createStreamTarget() });
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

describe('limits on time and size', () => {
  beforeEach(() => {
    fake.clearQueue();
    fake.setDefault({ kind: 'text', text: 'from primary', model: 'm', usage: { inputTokens: 100, outputTokens: 50 } });
  });

  it('moves on from a target that sends headers and then nothing, without asking it again', async () => {
    stalling.enqueue({ kind: 'headers-then-hang' });
    const { text, record } = await run('slow-start');
    expect(text).toBe('from primary');
    expect(record).toMatchObject({ status: 'ok', target: 'primary/m' });
    expect(record.attempts.map((attempt) => [attempt.target, attempt.error?.code ?? null])).toEqual([
      ['stall/m', 'TIMEOUT'],
      ['primary/m', null],
    ]);
    expect(record.attempts[0]!.error!.message).toBe(
      'No token from stall/m within 500 ms (timeouts.firstTokenMs). Raise routes.slow-start.timeouts.firstTokenMs in config.json to wait longer.',
    );
    expect(record.attempts[0]!.durationMs).toBeGreaterThanOrEqual(490);
    await expect(hungUp(stalling.requests.at(-1)!.aborted)).resolves.toBe('closed');
  });

  it('gives a slow last target no second try, and names where its limit is set', async () => {
    const before = stalling.requests.length;
    stalling.enqueue({ kind: 'headers-then-hang' }, { kind: 'headers-then-hang' });
    const alone = await run('stall-alone');
    expect(alone.last).toMatchObject({ type: 'error', code: 'TIMEOUT' });
    expect(alone.record.status).toBe('error');
    expect(alone.record.attempts).toHaveLength(1);
    expect((alone.last as { message: string }).message).toContain(
      'within 300 ms (timeouts.firstTokenMs). Raise routes.stall-alone.timeouts.firstTokenMs in config.json',
    );
    // Called without a route, the endpoint's own setting is the one to raise.
    const direct = await run('stall/m');
    expect((direct.last as { message: string }).message).toContain(
      'Raise timeouts.firstTokenMs on endpoint "stall" in config.json',
    );
    expect(stalling.requests.length).toBe(before + 2);
  });

  it('ends an answer that stops mid-way as interrupted, keeping its text, priced from usage the provider sent', async () => {
    stalling.enqueue({
      kind: 'chunks-then-hang',
      texts: ['The start ', 'of an answer'],
      usage: { inputTokens: 120, outputTokens: 30 },
    });
    const before = fake.requests.length;
    const { last, text, record } = await run('stall-mid');
    expect(text).toBe('The start of an answer');
    expect(last).toMatchObject({ type: 'error', code: 'TIMEOUT' });
    expect((last as { message: string }).message).toBe(
      'Stopped after 300 ms without a token from stall/m (timeouts.idleMs); the partial answer is kept. Raise routes.stall-mid.timeouts.idleMs in config.json to wait longer.',
    );
    expect(fake.requests.length).toBe(before);
    expect(record).toMatchObject({
      status: 'interrupted',
      target: 'stall/m',
      costSource: 'config',
      usage: { inputTokens: 120, outputTokens: 30, cacheReadTokens: 0, cacheWriteTokens: 0 },
    });
    expect(record.costUSD).toBeCloseTo((120 * 1 + 30 * 2) / 1e6, 12);
    await expect(hungUp(stalling.requests.at(-1)!.aborted)).resolves.toBe('closed');
  });

  it('ends an answer that runs past the whole call limit as interrupted', async () => {
    fake.enqueue({ kind: 'text', text: 'steady '.repeat(40), deltas: 40, delayMs: 50 });
    const { last, text, record } = await run('short-call');
    expect(text.length).toBeGreaterThan(0);
    expect(text.length).toBeLessThan('steady '.repeat(40).length);
    expect(last).toMatchObject({ type: 'error', code: 'TIMEOUT' });
    expect((last as { message: string }).message).toBe(
      'Stopped at the 1 s limit for the whole call (timeouts.totalMs); the partial answer is kept. Raise routes.short-call.timeouts.totalMs in config.json to allow longer calls.',
    );
    expect(record).toMatchObject({ status: 'interrupted', costSource: 'estimate' });
    expect(record.totalMs).toBeGreaterThanOrEqual(990);
    await expect(hungUp(fake.requests.at(-1)!.aborted)).resolves.toBe('closed');
  });

  it('ends an answer past its size limit as an error and aborts the upstream request', async () => {
    stalling.enqueue({ kind: 'flood', chunkText: 'x'.repeat(1000) });
    const { last, text, record } = await run('small');
    expect(last).toMatchObject({ type: 'error', code: 'ANSWER_TOO_LARGE' });
    expect((last as { message: string }).message).toBe(
      'Stopped: the answer passed 64 KiB (maxAnswerBytes); the partial answer is kept. Raise routes.small.maxAnswerBytes in config.json to allow longer answers.',
    );
    expect(text.length).toBeGreaterThan(60 * 1024);
    expect(text.length).toBeLessThanOrEqual(64 * 1024);
    const upstream = stalling.requests.at(-1)!;
    await expect(hungUp(upstream.aborted)).resolves.toBe('closed');
    // The flood stopped soon after the limit: what was sent is a small multiple of what was kept.
    expect(upstream.bytesSent()).toBeLessThan(4 * 1024 * 1024);
    const expected = estimated(['Hi'], text);
    expect(record).toMatchObject({ status: 'interrupted', costSource: 'estimate' });
    expect(record.usage!.outputTokens).toBe(expected.outputTokens);
    expect(record.costUSD).toBeCloseTo(expected.costUSD, 12);
  });
});

/** A local API call in Chat Completions to the end: its parts, and the text of its forwarded events. */
async function runApi(modelId: string, body: Record<string, unknown>, signal?: AbortSignal) {
  const api: ApiCall = { protocol: 'openai-chat', body, isStream: body.stream === true, forwardHeaders: {} };
  const parts: GatewayPart[] = [];
  for await (const part of services.gateway.stream({ modelId, messages: [], source: 'api', signal, api })) {
    parts.push(part);
  }
  const last = parts.at(-1)!;
  if (last.type !== 'finish' && last.type !== 'error') throw new Error('no terminal part');
  // A forwarded part holds the whole events of one read: each one apart, as the client reads them.
  const events = parts.flatMap((part) =>
    part.type !== 'wire-event' ? [] : api.isStream ? part.data.split(/(?<=\n\n)/) : [part.data],
  );
  return { parts, last, events, record: last.record };
}

describe('local API calls', () => {
  const chat = { messages: [{ role: 'user', content: 'Hi' }], stream: true };

  it('forwards no event of a target that failed before its first content, and every event of the one that served', async () => {
    fake.enqueue({ kind: 'text', text: 'never', errorAfterDeltas: 0, model: 'first' });
    const { parts, events, record } = await runApi('gate', chat);
    expect(parts.map((part) => part.type).filter((type) => type !== 'wire-event')).toEqual([
      'route-decision',
      'attempt-start',
      'attempt-error',
      'attempt-start',
      'answer-end',
      'finish',
    ]);
    expect(events.join('')).not.toContain('"model":"first/m"');
    expect(events[0]).toContain('"role":"assistant"');
    const deltas = events.slice(0, -1).map((event) => JSON.parse(event.slice(6)).choices[0]?.delta.content ?? '');
    expect(deltas.join('')).toBe('from backup');
    expect(events.at(-1)).toBe('data: [DONE]\n\n');
    expect(record).toMatchObject({
      status: 'ok',
      target: 'backup/m',
      apiProtocol: 'openai-chat',
      apiPath: 'pass-through',
    });
  });

  it('waits for a whole answer past the first-token limit: a call without streaming has no first token', async () => {
    fake.enqueue({ kind: 'text', text: 'Slow but whole.', delayMs: 400 });
    const { last, events } = await runApi('patient', { messages: [{ role: 'user', content: 'Hi' }] });
    expect(last.type).toBe('finish');
    expect(JSON.parse(events[0]!).choices[0].message.content).toBe('Slow but whole.');
  });

  it('holds forwarded events to the size limit, and prices a cut answer from the request body', async () => {
    stalling.enqueue({ kind: 'flood', chunkText: 'x'.repeat(1000) });
    const { last, events, record } = await runApi('small', chat);
    expect(last).toMatchObject({ type: 'error', code: 'ANSWER_TOO_LARGE' });
    const text = events.map((event) => JSON.parse(event.slice(6)).choices[0].delta.content ?? '').join('');
    expect(text.length).toBeLessThanOrEqual(64 * 1024);
    await expect(hungUp(stalling.requests.at(-1)!.aborted)).resolves.toBe('closed');
    // The prompt is estimated from the whole body (tools and schemas are billed input too).
    const inputTokens = 4 + Math.ceil(Buffer.byteLength(JSON.stringify(chat)) / 4);
    expect(record).toMatchObject({ status: 'interrupted', costSource: 'estimate', usage: { inputTokens } });
  });

  it('keeps app calls as they were: text deltas, no forwarded events, no protocol in the row', async () => {
    const { parts, record } = await run('primary/m');
    expect(parts.some((part) => (part as GatewayPart).type === 'wire-event')).toBe(false);
    expect(record).toMatchObject({ apiProtocol: null, apiPath: null });
  });
});
