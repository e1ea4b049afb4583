// What the hot path keeps between calls (keys, config, rows to write) and when it lets go of it.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../electron/core/services';
import { createKeytarKeychain } from '../../electron/keychain/keytar-keychain';
import type { GatewayPart } from '../../electron/gateway/types';
import { startFakeProvider, type FakeProvider } from '../fake-provider';

const hasKeyring = process.env.SWITCHBOARD_TEST_KEYRING === '1';

describe.skipIf(!hasKeyring)('the hot path caches', () => {
  let fake: FakeProvider;
  let home: string;
  let services: Services;
  const os = createKeytarKeychain();
  const endpointId = 'hot-path-cache';

  beforeAll(async () => {
    fake = await startFakeProvider();
    home = await mkdtemp(join(tmpdir(), 'switchboard-hot-path-'));
    await writeFile(
      join(home, 'config.json'),
      JSON.stringify({ endpoints: [{ id: endpointId, kind: 'openai-compatible', baseURL: `${fake.url}/v1` }] }),
    );
    services = createServices({ dataDir: home });
  });
  afterAll(async () => {
    services.dispose();
    await os.remove(endpointId);
    await fake.close();
    await rm(home, { recursive: true, force: true });
  });

  async function call(modelId = `${endpointId}/m`) {
    const parts: GatewayPart[] = [];
    for await (const part of services.gateway.stream({
      modelId,
      messages: [{ role: 'user', content: 'Hi' }],
      source: 'app',
    }))
      parts.push(part);
    return parts.at(-1)!;
  }
  const keysSent = () => fake.requests.map((request) => request.headers.authorization);

  it('reads a key again once the provider refused it, so `keys set` in another process applies', async () => {
    // Another process (the CLI) writes the OS keychain directly.
    await os.set(endpointId, 'sk-hot-old');
    expect(await call()).toMatchObject({ type: 'finish' });
    await os.set(endpointId, 'sk-hot-new');
    fake.enqueue({ kind: 'http-error', status: 401, body: { error: { message: 'bad key' } } });
    expect(await call()).toMatchObject({ type: 'error', code: 'PROVIDER_AUTH' });
    // Still the remembered key on the refused call.
    expect(keysSent().slice(-1)).toEqual(['Bearer sk-hot-old']);
    expect(await call()).toMatchObject({ type: 'finish' });
    expect(keysSent().at(-1)).toBe('Bearer sk-hot-new');
  });

  it('applies a key saved through Switchboard on the very next call', async () => {
    await services.keychain.set(endpointId, 'sk-hot-settings');
    expect(await call()).toMatchObject({ type: 'finish' });
    expect(keysSent().at(-1)).toBe('Bearer sk-hot-settings');
  });

  it('applies a hand edit of config.json and an edit through Switchboard on the next call', async () => {
    expect(await call('renamed/m')).toMatchObject({ type: 'error', code: 'UNKNOWN_ENDPOINT' });
    await writeFile(
      join(home, 'config.json'),
      JSON.stringify({ endpoints: [{ id: 'renamed', kind: 'openai-compatible', baseURL: `${fake.url}/v1` }] }),
    );
    expect(await call('renamed/m')).toMatchObject({ type: 'finish' });
    await services.editConfig((config) => ({ ...config, routes: { fast: { targets: ['renamed/m'] } } }));
    expect(await call('fast')).toMatchObject({ type: 'finish' });
  });

  it('queues the row of a local API call and shows it to the next read', async () => {
    const parts: GatewayPart[] = [];
    const api = {
      protocol: 'openai-chat' as const,
      body: { model: 'm', messages: [{ role: 'user', content: 'Hi' }], stream: true },
      isStream: true,
      forwardHeaders: {},
    };
    for await (const part of services.gateway.stream({ modelId: 'renamed/m', messages: [], source: 'api', api }))
      parts.push(part);
    const last = parts.at(-1)!;
    expect(last).toMatchObject({ type: 'finish', record: { source: 'api' } });
    const id = (last as { record: { id: string } }).record.id;
    expect(services.store.listUsage({ limit: 1 })[0]).toMatchObject({ id, source: 'api' });
  });
});
