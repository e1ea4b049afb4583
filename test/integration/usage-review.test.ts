// The Usage screen's requests against real calls (fake provider, real gateway and SQLite): filters, totals,
// charts' data, pages of calls and the export, which never carries a key.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UsageExportChunk, UsagePage, UsageReport } from '../../shared/contract';
import type { CallPart } from '../../shared/types/chat';
import type { UsageRecord } from '../../shared/types/usage';
import { createCoreFromServices } from '../../electron/core/create-core';
import { createServices, type Services } from '../../electron/core/services';
import type { Core } from '../../electron/core/types';
import { startServer, type RunningServer } from '../../electron/server/start-server';
import { startFakeProvider, type FakeProvider } from '../fake-provider';
import { keyTraces } from '../fake-provider/key-echoes';

const hasKeyring = process.env.SWITCHBOARD_TEST_KEYRING === '1';
const key = `sk-usage-export-${Date.now()}-secret-9876`;

let home: string;
let fake: FakeProvider;
let services: Services;
let core: Core;
let server: RunningServer;
const parts = new Map<string, CallPart[]>();
const context = {
  emit: (_event: string, payload: unknown) => {
    const { streamId, parts: batch } = payload as { streamId: string; parts: CallPart[] };
    parts.set(streamId, [...(parts.get(streamId) ?? []), ...batch]);
  },
};

async function request<T>(route: string, input: unknown): Promise<T> {
  const result = await core.dispatch(route, input, context);
  if (!result.ok) throw new Error(`${route}: ${result.error.message}`);
  return result.data as T;
}

/** A call through the local API (source api). */
async function ask(model: string, content: string) {
  const response = await fetch(`${server.apiBase}/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model, messages: [{ role: 'user', content }] }),
  });
  await response.text();
}

/** Waits (outside a test, where expect.poll cannot run) until `isDone` holds. */
async function until(isDone: () => boolean | undefined) {
  for (let waited = 0; !isDone(); waited += 10) {
    if (waited > 10_000) throw new Error('timed out waiting for the call');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A call from the app (source app), waited for until it ends. */
async function chat(modelId: string, content: string, cancelAfterText = false) {
  const { streamId } = await request<{ streamId: string }>('chat.send', {
    modelId,
    text: content,
  });
  if (cancelAfterText) {
    await until(() => parts.get(streamId)?.some((part) => part.type === 'text-delta'));
    await request('chat.cancel', { streamId });
  }
  await until(() => parts.get(streamId)?.some((part) => part.type === 'finish' || part.type === 'error'));
}

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'switchboard-usage-review-'));
  fake = await startFakeProvider();
  const prices = { m: { input: 1, output: 2 }, n: { input: 10, output: 20 } };
  await writeFile(
    join(home, 'config.json'),
    JSON.stringify({
      endpoints: [
        { id: 'fake', kind: 'openai-compatible', baseURL: `${fake.url}/v1`, prices },
        { id: 'keyed', kind: 'openai', baseURL: `${fake.url}/v1` },
        { id: 'dead', kind: 'openai-compatible', baseURL: 'http://127.0.0.1:9/v1' },
      ],
      routes: {
        kept: { targets: ['fake/m'], cache: { ttlSeconds: 600 } },
        safe: { targets: ['dead/m', 'fake/n'] },
      },
    }),
  );
  services = createServices({ dataDir: home });
  core = createCoreFromServices(services);
  server = await startServer({ services, core, rendererDir: home, port: 0 });

  // $1/$2 per million: 1,000 in and 500 out cost $0.002.
  fake.enqueue({ kind: 'text', text: 'One.', usage: { inputTokens: 1000, outputTokens: 500 } });
  await chat('fake/m', 'first');
  fake.enqueue({ kind: 'text', text: 'Kept.', usage: { inputTokens: 1000, outputTokens: 500 } });
  await ask('kept', 'keep me');
  await ask('kept', 'keep me');
  // The dead target fails over to fake/n: $10/$20 per million, 100 in and 100 out cost $0.003.
  fake.enqueue({ kind: 'text', text: 'Safe.', usage: { inputTokens: 100, outputTokens: 100 } });
  await chat('safe', 'fail over');
  // Cut short after some text: priced from estimated tokens.
  fake.enqueue({ kind: 'text', text: 'word '.repeat(200), deltas: 200, delayMs: 20 });
  await chat('fake/m', 'stop me', true);
  if (hasKeyring) await services.keychain.set('keyed', key);
  // A provider that echoes the key back in its error.
  fake.enqueue({
    kind: 'http-error',
    status: 400,
    body: { error: { message: `Incorrect API key provided: ${key}`, type: 'invalid_request_error' } },
  });
  await chat('keyed/m', 'leak?');
});
afterAll(async () => {
  if (hasKeyring) await services.keychain.remove('keyed').catch(() => undefined);
  await server?.close();
  await core?.dispose();
  await fake?.close();
  await rm(home, { recursive: true, force: true });
});

describe('the usage report', () => {
  it('totals every call: tokens, cost with estimates marked, errors, failovers and what the cache saved', async () => {
    const report = await request<UsageReport>('usage.report', {});
    const { totals } = report;
    expect(totals).toMatchObject({
      calls: 6,
      errorCalls: 1,
      failedCalls: 2,
      cacheHits: 1,
      savedUSD: 0.002,
      unsavedHits: 0,
      failoverCalls: 1,
      estimatedCalls: 1,
    });
    expect(totals.estimatedCostUSD).toBeGreaterThan(0);
    // Priced: the first call, the kept one, the failover and the estimate; the replay costs 0.
    expect(totals.costUSD).toBeCloseTo(0.002 + 0.002 + 0.003 + totals.estimatedCostUSD, 9);
    expect(totals.inputTokens).toBeGreaterThanOrEqual(2100);
    expect(report.days).toHaveLength(1);
    expect(report.days[0]!.calls).toBe(6);
    expect(report.days[0]!.costByModel.map((entry) => entry.model).sort()).toEqual(['fake/m', 'fake/n']);
    expect(report.firstToken.map((latency) => latency.model).sort()).toEqual(['fake/m', 'fake/n']);
    for (const latency of report.firstToken) expect(latency.p95Ms).toBeGreaterThanOrEqual(latency.medianMs);
    expect(report.choices).toEqual({
      models: ['fake/m', 'fake/n', 'keyed/m'],
      endpoints: ['fake', 'keyed'],
      routes: ['kept', 'safe'],
    });
  });

  it('applies each filter to the totals', async () => {
    const calls = async (filter: object) => (await request<UsageReport>('usage.report', filter)).totals.calls;
    expect(await calls({ source: 'api' })).toBe(2);
    expect(await calls({ source: 'app' })).toBe(4);
    expect(await calls({ status: 'cancelled' })).toBe(1);
    expect(await calls({ model: 'fake/n' })).toBe(1);
    expect(await calls({ endpoint: 'fake' })).toBe(5);
    expect(await calls({ route: 'kept' })).toBe(2);
    const today = new Date().toISOString().slice(0, 10);
    expect(await calls({ since: today, until: today })).toBe(6);
    expect(await calls({ until: '2020-01-01' })).toBe(0);
    const refused = await core.dispatch('usage.report', { route: 'fake/m' }, context);
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('the calls and their export', () => {
  it('pages the matching calls newest first, each with its routing log', async () => {
    const first = await request<UsagePage>('usage.calls', { limit: 4 });
    const second = await request<UsagePage>('usage.calls', { limit: 4, cursor: first.next });
    expect(first.records).toHaveLength(4);
    expect(second.records).toHaveLength(2);
    expect(second.next).toBeNull();
    const failover = [...first.records, ...second.records].find((record) => record.requestedModel === 'safe')!;
    expect(failover.attempts.map((attempt) => [attempt.target, attempt.error?.code ?? null])).toEqual([
      ['dead/m', 'NETWORK'],
      ['fake/n', null],
    ]);
  });

  it('exports every matching call as CSV and JSON in pieces, which make the whole file, without a key', async () => {
    const exported = async (format: 'csv' | 'json', filter: object = {}) => {
      let text = '';
      let cursor: string | undefined;
      do {
        const piece: UsageExportChunk = await request('usage.export', { ...filter, format, limit: 2, cursor });
        text += piece.text;
        cursor = piece.next ?? undefined;
      } while (cursor);
      return text;
    };
    const all = (await request<UsagePage>('usage.calls', { limit: 100 })).records;
    const json = JSON.parse(await exported('json')) as UsageRecord[];
    expect(json).toEqual(all);
    const csv = (await exported('csv')).trimEnd().split('\n');
    expect(csv[0]).toBe(
      'time,source,status,model,target,input_tokens,output_tokens,cached_tokens,reasoning_tokens,ttft_ms,total_ms,tokens_per_s,cost_usd,cost_source,saved_usd,attempts,error,id',
    );
    expect(csv).toHaveLength(all.length + 1);
    expect(csv.find((line) => line.includes(',cache,'))).toMatch(/,0\.000000,cache,0\.002000,0,,/);
    expect(csv.find((line) => line.includes(',estimate,'))).toMatch(/,cancelled,fake\/m,fake\/m,~?\d+/);
    expect(JSON.parse(await exported('json', { source: 'api' }))).toHaveLength(2);
    expect(await exported('json', { status: 'interrupted' })).toBe('[\n]\n');
    if (hasKeyring) {
      const errorRow = json.find((record) => record.requestedModel === 'keyed/m')!;
      expect(errorRow.status).toBe('error');
      for (const text of [JSON.stringify(json), csv.join('\n')]) {
        for (const trace of keyTraces(key)) expect(text).not.toContain(trace);
      }
    }
  });
});
