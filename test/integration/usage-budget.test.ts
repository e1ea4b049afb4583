// Monthly budgets set to stop, enforced in the gateway for the local API and the app alike (fake provider).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BudgetReport, UsageSummary } from '../../shared/contract';
import type { CallPart } from '../../shared/types/chat';
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
const parts: CallPart[] = [];
const context = {
  emit: (_event: string, payload: unknown) => parts.push(...(payload as { parts: CallPart[] }).parts),
};

// $1 per million input tokens: 1,000 tokens cost $0.001.
const prices = { m: { input: 1, output: 0 } };
const config = (budgets: unknown) => ({
  endpoints: [
    { id: 'work', kind: 'openai-compatible', baseURL: `${fake.url}/v1`, prices },
    { id: 'home', kind: 'openai-compatible', baseURL: `${fake.url}/v1`, prices },
  ],
  routes: { both: { targets: ['work/m', 'home/m'] }, kept: { targets: ['home/m'], cache: { ttlSeconds: 600 } } },
  budgets,
});
const setConfig = (budgets: unknown) => writeFile(join(home, 'config.json'), JSON.stringify(config(budgets)));
const answer = () => fake.enqueue({ kind: 'text', text: 'Paid for.', usage: { inputTokens: 1000, outputTokens: 0 } });

/** A Chat Completions call through the local API, as any OpenAI client sends it. */
async function ask(model: string, { isStream = false, content = `Hello ${Math.random()}` } = {}) {
  const response = await fetch(`${server.apiBase}/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model, stream: isStream, messages: [{ role: 'user', content }] }),
  });
  return { status: response.status, body: await response.text(), headers: response.headers };
}

const newest = async () => {
  const result = await core.dispatch('usage.list', { limit: 1 }, context);
  return (result as { ok: true; data: UsageSummary }).data.records[0]!;
};

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'switchboard-budget-'));
  fake = await startFakeProvider();
  services = createServices({ dataDir: home });
  core = createCoreFromServices(services);
  server = await startServer({ services, core, rendererDir: home, port: 0 });
});
beforeEach(() => fake.clearQueue());
afterAll(async () => {
  await server?.close();
  await core?.dispose();
  await fake?.close();
  await rm(home, { recursive: true, force: true });
});

describe('a monthly budget set to stop', () => {
  it("refuses the endpoint's calls through the local API once reached, with the limit and the fix, and calls no provider", async () => {
    await setConfig({ endpoints: { work: { monthlyUSD: 0.001, whenReached: 'stop' } } });
    answer();
    expect((await ask('work/m')).status).toBe(200);
    const requests = fake.requests.length;

    const refused = await ask('work/m');
    expect(refused.status).toBe(429);
    const { error } = JSON.parse(refused.body);
    expect(error.type).toBe('insufficient_quota');
    expect(error.code).toBe('budget_reached');
    expect(error.message).toMatch(
      /^The monthly budget for endpoint "work" \(\$0\.001\) is reached \(\$0\.001 spent in \d{4}-\d{2}, UTC\); raise it in Usage › Budgets\.$/,
    );
    const streamed = await ask('work/m', { isStream: true });
    expect(streamed.status).toBe(429);
    expect(streamed.body).toContain('raise it in Usage › Budgets');
    expect(fake.requests.length).toBe(requests);

    const row = await newest();
    expect(row).toMatchObject({ source: 'api', status: 'error', costUSD: null });
    expect(row.attempts).toMatchObject([{ target: 'work/m', error: { code: 'BUDGET_REACHED' } }]);
  });

  it("moves a route on to another endpoint, and the call's routing log says why", async () => {
    answer();
    const served = await ask('both');
    expect(served.status).toBe(200);
    expect(JSON.parse(served.body).model).toBe('home/m');
    const row = await newest();
    expect(row.target).toBe('home/m');
    expect(row.attempts.map((attempt) => [attempt.target, attempt.error?.code ?? null])).toEqual([
      ['work/m', 'BUDGET_REACHED'],
      ['home/m', null],
    ]);
  });

  it('refuses the app the same way', async () => {
    parts.length = 0;
    const started = await core.dispatch('chat.send', { modelId: 'work/m', text: 'From the app' }, context);
    expect(started.ok).toBe(true);
    await expect.poll(() => parts.find((part) => part.type === 'error' || part.type === 'finish')).toBeDefined();
    expect(parts.find((part) => part.type === 'error')).toMatchObject({
      code: 'BUDGET_REACHED',
      message: expect.stringContaining('The monthly budget for endpoint "work" ($0.001) is reached'),
    });
  });

  it('stops every endpoint when the overall budget is reached, but still replays kept answers, which cost nothing', async () => {
    await setConfig({ overall: { monthlyUSD: 1, whenReached: 'stop' } });
    answer();
    expect((await ask('kept', { content: 'Keep this' })).status).toBe(200);
    const original = await newest();
    expect(original.costUSD).toBe(0.001);

    await setConfig({ overall: { monthlyUSD: 0.002, whenReached: 'stop' } });
    const refused = await ask('home/m');
    expect(refused.status).toBe(429);
    expect(JSON.parse(refused.body).error.message).toMatch(
      /^The monthly budget for all endpoints \(\$0\.002\) is reached/,
    );

    // The replay is served and records what it saved: the price of the answer it replays.
    const replay = await ask('kept', { content: 'Keep this' });
    expect(replay.status).toBe(200);
    expect(replay.headers.get('x-switchboard-cache')).toBe('hit');
    expect(await newest()).toMatchObject({ costSource: 'cache', costUSD: 0, savedUSD: 0.001 });
  });
});

describe('a monthly budget set to warn', () => {
  it('lets calls through past the limit and reports it reached, with the warning from its share on', async () => {
    await setConfig({
      endpoints: { work: { monthlyUSD: 0.001, whenReached: 'warn' }, home: { monthlyUSD: 0.01, warnAtPercent: 10 } },
    });
    answer();
    expect((await ask('work/m')).status).toBe(200);
    const status = await core.dispatch('budgets.status', {}, context);
    const report = (status as { ok: true; data: BudgetReport }).data;
    expect(report.month).toBe(new Date().toISOString().slice(0, 7));
    expect(report.budgets.map(({ endpointId, state, whenReached }) => [endpointId, state, whenReached])).toEqual([
      ['home', 'near', 'warn'],
      ['work', 'reached', 'warn'],
    ]);
  });

  it('is saved from the Usage screen into config.json, and removed again', async () => {
    const saved = await core.dispatch(
      'budgets.save',
      { endpointId: null, monthlyUSD: 25, whenReached: 'stop' },
      context,
    );
    expect(saved).toMatchObject({ ok: true });
    expect((saved as { data: BudgetReport }).data.budgets[0]).toMatchObject({
      endpointId: null,
      monthlyUSD: 25,
      warnAtPercent: 80,
    });
    expect(services.readConfig().budgets?.overall).toEqual({ monthlyUSD: 25, warnAtPercent: 80, whenReached: 'stop' });
    const unknown = await core.dispatch(
      'budgets.save',
      { endpointId: 'nowhere', monthlyUSD: 1, whenReached: 'warn' },
      context,
    );
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ENDPOINT' } });
    const zero = await core.dispatch('budgets.save', { endpointId: null, monthlyUSD: 0, whenReached: 'warn' }, context);
    expect(zero).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringMatching(/monthlyUSD must be above 0/) },
    });
    await core.dispatch('budgets.remove', { endpointId: null }, context);
    expect(services.readConfig().budgets?.overall).toBeUndefined();
  });
});
