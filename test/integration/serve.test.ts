// `switchboard serve` as other tools meet it: a port and a key that stay put from run to run.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, startServe, type ServeProcess } from './cli-process';

const hasKeyring = process.env.SWITCHBOARD_TEST_KEYRING === '1';
const noKeychain = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus', DISPLAY: '' };

let home: string;
beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'switchboard-serve-'));
});
afterAll(() => rm(home, { recursive: true, force: true }));

/** Runs `serve`, reads what it printed, and stops it. */
async function serveOnce(options: Parameters<typeof startServe>[1] = {}) {
  const serve: ServeProcess = await startServe(home, { env: { SWITCHBOARD_API_TOKEN: '' }, ...options });
  const status = (await fetch(`${serve.apiBase}/models`, { headers: { authorization: `Bearer ${serve.token}` } }))
    .status;
  await serve.stop();
  return { ...serve, status };
}

/** The page secret in the printed address's fragment. */
const pageSecretOf = (url: string) => new URLSearchParams(new URL(url).hash.slice(1)).get('session');

describe.skipIf(!hasKeyring)('the local API key and the page secret (run under scripts/with-keyring.sh)', () => {
  it('stay the same across runs, apart from each other, and --new-token replaces both', async () => {
    const first = await serveOnce();
    const second = await serveOnce();
    expect(first.status).toBe(200);
    expect(second.token).toBe(first.token);
    // The page's address carries its own secret in the fragment, which the browser never sends to a server.
    expect(first.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#session=page-[\w-]{32}$/);
    expect(pageSecretOf(second.url)).toBe(pageSecretOf(first.url));
    expect(pageSecretOf(first.url)).not.toBe(first.token);

    const renewed = await startServe(home, {
      args: ['--port', '0', '--new-token'],
      env: { SWITCHBOARD_API_TOKEN: '' },
    });
    try {
      expect(renewed.token).not.toBe(first.token);
      expect(pageSecretOf(renewed.url)).not.toBe(pageSecretOf(first.url));
      const withOld = await fetch(`${renewed.apiBase}/models`, { headers: { authorization: `Bearer ${first.token}` } });
      expect(withOld.status).toBe(401);
    } finally {
      await renewed.stop();
    }
    expect((await serveOnce()).token).toBe(renewed.token);
  });

  it('is not a provider key: `keys list` does not show it', async () => {
    await serveOnce();
    const listed = await runCli(['keys', 'list'], { home });
    expect(listed.stdout).not.toMatch(/token/i);
  });

  it('can be set with SWITCHBOARD_API_TOKEN, and a short one is refused in one line', async () => {
    const fixed = await serveOnce({ env: { SWITCHBOARD_API_TOKEN: 'my-own-local-api-key-123' } });
    expect(fixed.token).toBe('my-own-local-api-key-123');
    expect(fixed.status).toBe(200);
    const short = await runCli(['serve', '--port', '0'], { home, env: { SWITCHBOARD_API_TOKEN: 'short' } });
    expect(short.code).toBe(1);
    expect(short.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/SWITCHBOARD_API_TOKEN must be at least 16/),
    ]);
  });

  it('change every run without a keychain, and says so', async () => {
    const first = await serveOnce({ env: { ...noKeychain, SWITCHBOARD_API_TOKEN: '' } });
    const second = await serveOnce({ env: { ...noKeychain, SWITCHBOARD_API_TOKEN: '' } });
    expect(first.status).toBe(200);
    expect(second.token).not.toBe(first.token);
    expect(pageSecretOf(second.url)).not.toBe(pageSecretOf(first.url));
    expect(first.stderr()).toMatch(/local API key changes every run because the OS keychain is unavailable/);
    expect(first.stderr()).toMatch(/browser mode's address changes every run because the OS keychain is unavailable/);
  });
});

describe('the port', () => {
  let blocker: Server;
  let takenPort: number;
  beforeAll(async () => {
    // Holds a port the OS gave this test, standing in for another running Switchboard on the default port.
    blocker = createServer();
    blocker.listen(0, '127.0.0.1');
    await once(blocker, 'listening');
    takenPort = (blocker.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => blocker.close(() => resolve())));

  it('moves to a free port when the default one is taken, and says so', async () => {
    const serve = await serveOnce({
      args: [],
      env: { SWITCHBOARD_API_TOKEN: '', SWITCHBOARD_DEFAULT_PORT: String(takenPort) },
    });
    expect(serve.status).toBe(200);
    expect(new URL(serve.apiBase).port).not.toBe(String(takenPort));
    expect(serve.stderr()).toContain(
      `port ${takenPort} is in use (another Switchboard?), so a free port is used instead`,
    );
  });

  it('refuses a port the user asked for when it is taken, in one line', async () => {
    const result = await runCli(['serve', '--port', String(takenPort)], { home });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      `switchboard: port ${takenPort} is in use; pick another with --port, or --port 0`,
    ]);
  });
});
