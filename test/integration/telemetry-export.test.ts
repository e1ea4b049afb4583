// Each finished call exported as one OpenTelemetry span (GenAI conventions) and token/cost metrics, over real
// OTLP/HTTP to a collector on 127.0.0.1, through the real core (config file, SQLite, OS keychain) and the local
// API against a fake provider; and a dead or hanging collector changing nothing for the calls.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallPart } from '../../shared/types/chat';
import { createCoreFromServices } from '../../electron/core/create-core';
import { createServices, type Services } from '../../electron/core/services';
import type { Core } from '../../electron/core/types';
import { createKeytarKeychain } from '../../electron/keychain/keytar-keychain';
import { startServer, type RunningServer } from '../../electron/server/start-server';
import { otlpHeadersAccount } from '../../electron/telemetry/otlp-headers';
import { deadPort, startFakeProvider, type FakeProvider } from '../fake-provider';
import { startOtlpReceiver, type OtlpReceiver } from './otlp-receiver';

const collectorSecret = 'otlp-token-5f1e2d3c4b';
const limits = {
  scheduledDelayMillis: 20,
  exportTimeoutMillis: 400,
  metricIntervalMillis: 100,
  maxQueueSize: 8,
  maxExportBatchSize: 4,
};

let fake: FakeProvider;
const homes: string[] = [];

interface Running {
  home: string;
  services: Services;
  core: Core;
  server: RunningServer;
  close(): Promise<void>;
}

async function start(endpoint: string | null, includeContent = false): Promise<Running> {
  const home = await mkdtemp(join(tmpdir(), 'switchboard-otel-'));
  homes.push(home);
  const config = {
    endpoints: [
      { id: 'fake', kind: 'openai-compatible', baseURL: `${fake.url}/v1`, prices: { m: { input: 1, output: 2 } } },
    ],
    routes: { team: { targets: ['fake/m'] } },
    ...(endpoint ? { telemetry: { otlp: { endpoint, includeContent } } } : {}),
  };
  await writeFile(join(home, 'config.json'), JSON.stringify(config));
  const services = createServices({ dataDir: home, keychain: createKeytarKeychain(), telemetry: { limits } });
  const core = createCoreFromServices(services);
  const server = await startServer({ services, core, rendererDir: home, port: 0 });
  return {
    home,
    services,
    core,
    server,
    close: async () => {
      await server.close();
      await core.dispose();
    },
  };
}

async function appCall(running: Running, content: string, modelId = 'team') {
  let last: CallPart | undefined;
  for await (const part of running.services.gateway.stream({
    modelId,
    messages: [{ role: 'user', content }],
    source: 'app',
  }))
    last = part;
  if (last?.type !== 'finish') throw new Error(`the call did not finish: ${JSON.stringify(last)}`);
  return last.record;
}

async function apiCall(running: Running, content: string) {
  const response = await fetch(`${running.server.apiBase}/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${running.server.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'team', messages: [{ role: 'user', content }] }),
  });
  expect(response.status).toBe(200);
  return response.json() as Promise<{ choices: { message: { content: string } }[] }>;
}

async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
  if (!check()) throw new Error(`timed out waiting for ${what}`);
}

beforeAll(async () => {
  fake = await startFakeProvider();
  fake.setDefault({ kind: 'text', text: 'ANSWER-TEXT-7c1', usage: { inputTokens: 12, outputTokens: 4 } });
  await createKeytarKeychain().set(otlpHeadersAccount, JSON.stringify({ Authorization: `Bearer ${collectorSecret}` }));
});
afterAll(async () => {
  await createKeytarKeychain().remove(otlpHeadersAccount);
  await fake.close();
  await Promise.all(homes.map((home) => rm(home, { recursive: true, force: true })));
});

describe('OpenTelemetry export', () => {
  let collector: OtlpReceiver;
  let running: Running;
  beforeAll(async () => {
    collector = await startOtlpReceiver();
    running = await start(collector.url);
  });
  afterAll(async () => {
    await running.close();
    await collector.close();
  });

  it('sends one span per call (app and local API) with the GenAI attributes and no prompt or answer text', async () => {
    const appRecord = await appCall(running, 'APP-PROMPT-a91');
    await apiCall(running, 'API-PROMPT-b72');
    await running.services.telemetry.flush();
    const rows = running.services.store.listUsage({ limit: 10 });
    expect(rows).toHaveLength(2);
    await until(() => collector.spans().length >= 2, 'two spans');
    const spans = collector.spans();
    expect(spans).toHaveLength(2);
    expect(spans.map((span) => span.attributes['switchboard.call_id']).sort()).toEqual(
      rows.map((row) => row.id).sort(),
    );
    const app = spans.find((span) => span.attributes['switchboard.call_id'] === appRecord.id)!;
    expect(app.name).toBe('chat m');
    expect(app.attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai-compatible',
      'gen_ai.system': 'openai-compatible',
      'gen_ai.request.model': 'm',
      'gen_ai.usage.input_tokens': 12,
      'gen_ai.usage.output_tokens': 4,
      'gen_ai.usage.cache_read.input_tokens': 0,
      'switchboard.target': 'fake/m',
      'switchboard.route': 'team',
      'switchboard.attempts': 1,
      'switchboard.source': 'app',
      'switchboard.status': 'ok',
    });
    expect(app.attributes['switchboard.cost_usd']).toBeCloseTo(appRecord.costUSD!, 12);
    const api = spans.find((span) => span.attributes['switchboard.source'] === 'api')!;
    expect(api.attributes).toMatchObject({
      'switchboard.api.protocol': 'openai-chat',
      'gen_ai.usage.input_tokens': 12,
    });
    const raw = collector.exports.map((entry) => entry.raw).join('\n');
    for (const text of ['APP-PROMPT-a91', 'API-PROMPT-b72', 'ANSWER-TEXT-7c1']) expect(raw).not.toContain(text);
    expect(raw).not.toContain('gen_ai.input.messages');
  });

  it('sends token and cost metrics', async () => {
    await until(
      () =>
        collector.exports.some(
          (entry) => entry.path === '/v1/metrics' && entry.raw.includes('switchboard.client.cost'),
        ),
      'metrics',
    );
    const metrics = collector.exports
      .filter((entry) => entry.path === '/v1/metrics')
      .map((entry) => entry.raw)
      .join('\n');
    expect(metrics).toContain('gen_ai.client.token.usage');
    expect(metrics).toContain('"gen_ai.token.type"');
    expect(metrics).toContain('switchboard.client.cost');
  });

  it('sends the headers kept in the keychain, and they are in neither config.json nor the database', async () => {
    expect(collector.exports.length).toBeGreaterThan(0);
    for (const entry of collector.exports) expect(entry.headers.authorization).toBe(`Bearer ${collectorSecret}`);
    expect(readFileSync(join(running.home, 'config.json'), 'utf8')).not.toContain(collectorSecret);
    running.services.store.flushUsage();
    const database = readdirBytes(running.home);
    expect(database).not.toContain(collectorSecret);
  });

  it('with includeContent on, the prompt and the answer go with the span', async () => {
    await running.services.editConfig((config) => ({
      ...config,
      telemetry: { otlp: { endpoint: collector.url, enabled: true, includeContent: true } },
    }));
    const before = collector.spans().length;
    await appCall(running, 'CONTENT-PROMPT-d43');
    await running.services.telemetry.flush();
    await until(() => collector.spans().length > before, 'the span');
    const span = collector.spans().at(-1)!;
    expect(span.attributes['gen_ai.input.messages']).toContain('CONTENT-PROMPT-d43');
    expect(span.attributes['gen_ai.output.messages']).toContain('ANSWER-TEXT-7c1');
  });
});

describe('Settings: telemetry.get and telemetry.save', () => {
  it('saves the collector, keeps headers in the keychain only (shown as set), and names a bad field', async () => {
    const collector = await startOtlpReceiver();
    const running = await start(null);
    const context = { emit: () => undefined };
    try {
      const saved = await running.core.dispatch(
        'telemetry.save',
        { endpoint: collector.url, headers: 'Authorization: Bearer settings-secret-31\nX-Team: blue' },
        context,
      );
      expect(saved).toEqual({
        ok: true,
        data: {
          endpoint: collector.url,
          enabled: true,
          includeContent: false,
          headers: { isSet: true },
          lastExport: null,
        },
      });
      expect(JSON.stringify(await running.core.dispatch('telemetry.get', {}, context))).not.toContain(
        'settings-secret',
      );
      await appCall(running, 'hello');
      await running.services.telemetry.flush();
      await until(() => collector.spans().length === 1, 'the span');
      expect(collector.exports[0]!.headers).toMatchObject({
        authorization: 'Bearer settings-secret-31',
        'x-team': 'blue',
      });
      const after = await running.core.dispatch('telemetry.get', {}, context);
      expect(after).toMatchObject({ ok: true, data: { lastExport: { isOk: true } } });
      expect(readFileSync(join(running.home, 'config.json'), 'utf8')).not.toContain('settings-secret');
      running.services.store.flushUsage();
      expect(readdirBytes(running.home)).not.toContain('settings-secret');

      const badEndpoint = await running.core.dispatch('telemetry.save', { endpoint: 'collector:4318' }, context);
      expect(badEndpoint).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', fields: [{ field: 'endpoint' }] },
      });
      const badHeaders = await running.core.dispatch(
        'telemetry.save',
        { endpoint: collector.url, headers: 'Bearer abc' },
        context,
      );
      expect(badHeaders).toMatchObject({ ok: false, error: { fields: [{ field: 'headers' }] } });
      expect(JSON.stringify(badHeaders)).not.toContain('abc');
      // An empty endpoint turns the export off and removes its settings.
      const off = await running.core.dispatch('telemetry.save', { endpoint: '' }, context);
      expect(off).toMatchObject({ ok: true, data: { endpoint: '', enabled: false } });
      expect(running.services.readConfig().telemetry).toBeUndefined();
    } finally {
      await running.close();
      await collector.close();
    }
  });
});

/** Every file of the data directory (SQLite and its WAL), as text. */
function readdirBytes(dir: string): string {
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isFile())
    .map((name) => readFileSync(join(dir, name)).toString('latin1'))
    .join('\n');
}

describe('a collector that is down', () => {
  it('refusing connections: calls complete and their rows are written', async () => {
    const running = await start(`http://127.0.0.1:${await deadPort()}`);
    try {
      for (let i = 0; i < 5; i++) await appCall(running, `call ${i}`);
      await apiCall(running, 'api call');
      expect(running.services.store.listUsage({ limit: 20 })).toHaveLength(6);
      await running.services.telemetry.flush();
      const queue = await running.services.telemetry.queue();
      expect(queue!.queued).toBeLessThanOrEqual(limits.maxQueueSize);
      // Settings can say so.
      const status = running.services.telemetry.status()!;
      expect(status.isOk).toBe(false);
      expect(status.error).toMatch(/ECONNREFUSED/);
    } finally {
      await running.close();
    }
  });

  it('never answering: the queue stays bounded, spans past it are dropped, calls complete', async () => {
    const hanging = await startOtlpReceiver({ hang: true });
    const running = await start(hanging.url);
    try {
      const calls = limits.maxQueueSize * 4;
      for (let i = 0; i < calls; i++) await appCall(running, `call ${i}`);
      await Promise.all([apiCall(running, 'one'), apiCall(running, 'two')]);
      expect(running.services.store.listUsage({ limit: 100 })).toHaveLength(calls + 2);
      // Spans are made after each call's turn.
      await new Promise((resolve) => setImmediate(resolve));
      const queue = (await running.services.telemetry.queue())!;
      expect(queue.capacity).toBe(limits.maxQueueSize);
      expect(queue.queued).toBeLessThanOrEqual(limits.maxQueueSize);
      expect(queue.dropped).toBeGreaterThan(0);
      // The collector did get the requests it never answered.
      expect(hanging.exports.length).toBeGreaterThan(0);
    } finally {
      await running.close();
      await hanging.close();
    }
  });

  it('adds nothing while telemetry is not configured', async () => {
    const running = await start(null);
    try {
      await appCall(running, 'plain');
      expect(await running.services.telemetry.queue()).toBeNull();
      expect(running.services.telemetry.isIncludingContent()).toBe(false);
    } finally {
      await running.close();
    }
  });
});
