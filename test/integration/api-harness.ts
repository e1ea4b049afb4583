// The local API in process, with endpoints of every wire format on fake providers and their keys in the
// OS keychain (a throwaway Secret Service under scripts/with-keyring.sh).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCoreFromServices } from '../../electron/core/create-core';
import { createServices, type Services } from '../../electron/core/services';
import type { Core } from '../../electron/core/types';
import { createKeytarKeychain } from '../../electron/keychain/keytar-keychain';
import { startServer, type RunningServer } from '../../electron/server/start-server';
import { deadPort, startFakeProvider, type FakeProvider } from '../fake-provider';

export const hasKeyring = process.env.SWITCHBOARD_TEST_KEYRING === '1';

/** The keys Switchboard keeps for the fake providers: each must reach its own provider and nowhere else. */
export const providerKeys = { claude: 'sk-ant-harness-0000aaaa', oai: 'sk-oai-harness-1111bbbb' };

/** USD per million tokens of each fake target. */
export const prices = {
  compat: { input: 1, output: 2 },
  claude: { input: 3, output: 15 },
  oai: { input: 1, output: 4 },
  embedding: { input: 0.02, output: 0 },
};

export interface Harness {
  /** Answers every wire format; `compat`, `claude` and `oai` point at it. */
  fake: FakeProvider;
  /** A second provider, for the first target of failover routes (`first`). */
  other: FakeProvider;
  services: Services;
  server: RunningServer;
  /** `http://127.0.0.1:PORT`, the Anthropic SDK's base URL. */
  origin: string;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const home = await mkdtemp(join(tmpdir(), 'switchboard-api-'));
  const fake = await startFakeProvider();
  const other = await startFakeProvider();
  const config = {
    endpoints: [
      {
        id: 'compat',
        kind: 'openai-compatible',
        baseURL: `${fake.url}/v1`,
        prices: { m: prices.compat, 'text-embedding-3-small': prices.embedding },
      },
      { id: 'claude', kind: 'anthropic', baseURL: `${fake.url}/v1`, prices: { c: prices.claude } },
      { id: 'oai', kind: 'openai', baseURL: `${fake.url}/v1`, prices: { g: prices.oai } },
      { id: 'first', kind: 'openai-compatible', baseURL: `${other.url}/v1` },
      { id: 'dead', kind: 'openai-compatible', baseURL: `http://127.0.0.1:${await deadPort()}/v1` },
    ],
    routes: {
      resilient: { targets: ['dead/m', 'compat/m'] },
      gate: { targets: ['first/m', 'compat/m'] },
      'first-alone': { targets: ['first/m'] },
      'compat-then-claude': { targets: ['compat/m', 'claude/c'] },
      kept: { targets: ['compat/m'], cache: { ttlSeconds: 600 } },
    },
  };
  await writeFile(join(home, 'config.json'), JSON.stringify(config));
  const keychain = createKeytarKeychain();
  if (hasKeyring) {
    await keychain.set('claude', providerKeys.claude);
    await keychain.set('oai', providerKeys.oai);
  }
  const services = createServices({ dataDir: home, keychain });
  const core: Core = createCoreFromServices(services);
  const server = await startServer({ services, core, rendererDir: home, port: 0 });
  return {
    fake,
    other,
    services,
    server,
    origin: server.apiBase.replace(/\/v1$/, ''),
    close: async () => {
      await server.close();
      await core.dispose();
      await Promise.all([fake.close(), other.close()]);
      if (hasKeyring) {
        await keychain.remove('claude');
        await keychain.remove('oai');
      }
      await rm(home, { recursive: true, force: true });
    },
  };
}

/** The newest usage row. */
export const lastRow = (services: Services) => services.store.listUsage({ limit: 1 })[0]!;
