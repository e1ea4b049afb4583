// Settings and usage requests through the core's dispatch, as the screens send them.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallPart, TerminalPart } from '../../shared/types/chat';
import { usageRecord } from '../../shared/types/__fixtures__/usage-record';
import type { LocalApiInfo, ModelOption, UsageSummary } from '../../shared/contract';
import { createCoreFromServices } from '../../electron/core/create-core';
import { createServices } from '../../electron/core/services';
import type { Core } from '../../electron/core/types';
import { startServer, type RunningServer } from '../../electron/server/start-server';

let home: string;
let services: ReturnType<typeof createServices>;
let core: Core;
let server: RunningServer;
let localApi: LocalApiInfo | null = null;
const parts: CallPart[] = [];
const context = {
  emit: (_event: string, payload: unknown) => parts.push(...(payload as { parts: CallPart[] }).parts),
};

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'switchboard-settings-'));
  await writeFile(join(home, 'config.json'), JSON.stringify({ endpoints: [{ id: 'local', kind: 'openai' }] }));
  services = createServices({ dataDir: home });
  core = createCoreFromServices(services, { localApi: () => localApi });
  server = await startServer({ services, core, rendererDir: home, port: 0 });
  localApi = { apiBase: server.apiBase, token: server.token };
});
afterAll(async () => {
  await server.close();
  await core.dispose();
  await rm(home, { recursive: true, force: true });
});

/** The terminal part of a chat sent to `modelId`. */
async function send(modelId: string): Promise<TerminalPart> {
  const sent = await core.dispatch('chat.send', { modelId, text: 'Hi' }, context);
  expect(sent.ok).toBe(true);
  await expect.poll(() => parts.some((part) => part.type === 'error' || part.type === 'finish')).toBe(true);
  return parts.splice(0).find((part): part is TerminalPart => part.type === 'error' || part.type === 'finish')!;
}

describe('settings through dispatch', () => {
  it("refuses an endpoint whose base URL is Switchboard's own local API, and saves nothing", async () => {
    const port = new URL(server.apiBase).port;
    const before = await readFile(join(home, 'config.json'), 'utf8');
    for (const baseURL of [server.apiBase, `http://localhost:${port}/v1`, `http://127.0.0.2:${port}`]) {
      const result = await core.dispatch('endpoints.save', { id: 'loop', kind: 'openai-compatible', baseURL }, context);
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(!result.ok && result.error.message).toMatch(
        /^Base URL .* is Switchboard's own local API .*: calls to "loop" would come back into Switchboard/,
      );
    }
    expect(await readFile(join(home, 'config.json'), 'utf8')).toBe(before);
    const elsewhere = await core.dispatch(
      'endpoints.save',
      { id: 'ollama', kind: 'openai-compatible', baseURL: 'http://127.0.0.1:11434/v1' },
      context,
    );
    expect(elsewhere.ok).toBe(true);
  });

  it.each(['constructor', 'toString', '__proto__'])('answers "%s" with an unknown-model error', async (modelId) => {
    const part = await send(modelId);
    expect(part).toMatchObject({ type: 'error', code: 'UNKNOWN_MODEL' });
    expect(part.type === 'error' && part.message).toMatch(new RegExp(`^Unknown model "${modelId}"`));
  });

  it('saves and routes a route named "constructor", and refuses one named "__proto__"', async () => {
    const saved = await core.dispatch('routes.save', { name: 'constructor', targets: ['local/m'] }, context);
    expect(saved).toMatchObject({ ok: true, data: [{ name: 'constructor', targets: ['local/m'] }] });
    const models = await core.dispatch('models.list', {}, context);
    expect(models.ok && (models.data as ModelOption[]).map((model) => model.id)).toContain('constructor');
    // The route resolves to its target: the call goes on to ask the keychain for local's key.
    const part = await send('constructor');
    expect(part.type === 'error' && part.message).not.toMatch(/Unknown model/);
    expect(part.record.attempts.map((attempt) => attempt.target)).toEqual(['local/m']);

    const proto = await core.dispatch('routes.save', { name: '__proto__', targets: ['local/m'] }, context);
    expect(proto).toMatchObject({ ok: false, error: { code: 'CONFIG_INVALID' } });
    expect(!proto.ok && proto.error.message).toMatch(/routes\.__proto__: "__proto__" cannot name a route/);
  });
});

describe('usage through dispatch', () => {
  it('compares since in UTC whatever offset it is written with', async () => {
    services.store.recordUsage(usageRecord('early', '2099-11-01T07:59:00.000Z'));
    services.store.recordUsage(usageRecord('late', '2099-11-01T08:30:00.000Z'));
    for (const since of ['2099-11-01T10:00:00+02:00', '2099-11-01T08:00:00Z', '2099-11-01T03:00:00-05:00']) {
      const result = await core.dispatch('usage.list', { since }, context);
      expect(result.ok, JSON.stringify(result)).toBe(true);
      const summary = result.ok ? (result.data as UsageSummary) : undefined;
      expect(summary?.records.map((record) => record.id)).toEqual(['late']);
      expect(summary?.callCount).toBe(1);
    }
    const bad = await core.dispatch('usage.list', { since: 'last tuesday' }, context);
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
