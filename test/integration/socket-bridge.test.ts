// The page's end of browser mode (renderer/src/bridge/socket-bridge.ts) against the real server, in Node's own
// WebSocket: every request gets an answer, whatever happens to the socket.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCoreFromServices } from '../../electron/core/create-core';
import { createServices, type Services } from '../../electron/core/services';
import type { Core } from '../../electron/core/types';
import { startServer, type RunningServer } from '../../electron/server/start-server';
import { browserSocketUrl, createSocketBridge } from '../../renderer/src/bridge/socket-bridge';
import { serverOrigin } from './bridge-client';

let home: string;
let services: Services;
let core: Core;
let server: RunningServer;
const bridges: { close(): void }[] = [];

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'switchboard-socket-bridge-'));
  services = createServices({ dataDir: home });
  core = createCoreFromServices(services);
  server = await startServer({ services, core, rendererDir: home, port: 0 });
});
afterEach(() => {
  for (const bridge of bridges.splice(0)) bridge.close();
});
afterAll(async () => {
  await server?.close();
  await core?.dispose();
  await rm(home, { recursive: true, force: true });
});

/** The bridge as the page makes it, with what it reported. */
function pageBridge(secret = server.pageSecret, at = server) {
  const connections: boolean[] = [];
  const refusals: string[] = [];
  const bridge = createSocketBridge(browserSocketUrl({ origin: serverOrigin(at) }), secret, {
    onConnectionChange: (isConnected) => connections.push(isConnected),
    onRefused: (message) => refusals.push(message),
  });
  bridges.push(bridge);
  return { bridge, connections, refusals };
}

describe('the page’s socket bridge', () => {
  it('refuses a message over 16 MiB before sending it, with words the Chat screen shows, and goes on', async () => {
    const { bridge } = pageBridge();
    expect(await bridge.request('routes.list', {})).toEqual({ ok: true, data: [] });
    const huge = 'x'.repeat(16 * 1024 * 1024);
    const refused = await bridge.request('chat.send', { modelId: 'a/b', text: huge });
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: 'The message is over 16 MiB, the most browser mode sends at once: shorten it, or send it in parts.',
      },
    });
    // Counted in bytes: 6 MiB of three-byte characters is over the limit too.
    const wide = '你'.repeat(6 * 1024 * 1024);
    expect(await bridge.request('chat.send', { modelId: 'a/b', text: wide })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await bridge.request('routes.list', {})).toEqual({ ok: true, data: [] });
  });

  it('says the page is not let in when its secret is wrong, instead of leaving requests waiting', async () => {
    const { bridge, refusals, connections } = pageBridge('page-not-the-secret');
    const result = await bridge.request('routes.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'DISCONNECTED' } });
    expect(!result.ok && result.error.message).toMatch(/open the address `switchboard serve` printed/);
    expect(refusals).toHaveLength(1);
    expect(connections.at(-1)).toBe(false);
  });

  it('ends requests in flight when the server goes away, answers at once while it is away, and reconnects when it is back', async () => {
    const own = await startServer({ services, core, rendererDir: home, port: 0 });
    const port = Number(new URL(own.apiBase).port);
    const { bridge, connections } = pageBridge(own.pageSecret, own);
    expect(await bridge.request('routes.list', {})).toEqual({ ok: true, data: [] });

    await own.close();
    await expect.poll(() => connections.at(-1)).toBe(false);
    const whileAway = await bridge.request('routes.list', {});
    expect(whileAway).toMatchObject({ ok: false, error: { code: 'DISCONNECTED', message: /Lost connection/ } });

    const again = await startServer({ services, core, rendererDir: home, port, pageSecret: own.pageSecret });
    try {
      await expect.poll(() => connections.at(-1), { timeout: 5000 }).toBe(true);
      expect(await bridge.request('routes.list', {})).toEqual({ ok: true, data: [] });
    } finally {
      await again.close();
    }
  });
});
