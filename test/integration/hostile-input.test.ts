// Input no client should send, on every entry of the server: each gets a 4xx (or its socket closed) and the
// same server then answers a normal call.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCoreFromServices } from '../../electron/core/create-core';
import { createServices } from '../../electron/core/services';
import type { Core } from '../../electron/core/types';
import { startServer, type RunningServer } from '../../electron/server/start-server';
import type { UsageSummary } from '../../shared/contract';
import { startFakeProvider, type FakeProvider } from '../fake-provider';
import { bridgeCall, bridgeUrl, openBridge, pageProtocols, serverOrigin } from './bridge-client';
import { closeCode, openRaw, rawExchange, rawWebSocket, readAll } from './raw-socket';

let home: string;
let fake: FakeProvider;
let core: Core;
let server: RunningServer;
let port: number;

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'switchboard-hostile-'));
  fake = await startFakeProvider();
  await writeFile(
    join(home, 'config.json'),
    JSON.stringify({ endpoints: [{ id: 'fake', kind: 'openai-compatible', baseURL: `${fake.url}/v1` }] }),
  );
  const services = createServices({ dataDir: home });
  core = createCoreFromServices(services);
  server = await startServer({
    services,
    core,
    rendererDir: home,
    port: 0,
    limits: { headersTimeoutMs: 300, requestTimeoutMs: 600 },
  });
  port = Number(new URL(server.apiBase).port);
});
afterAll(async () => {
  await server?.close();
  await core?.dispose();
  await fake?.close();
  await rm(home, { recursive: true, force: true });
});

const auth = () => ({ authorization: `Bearer ${server.token}` });

/** The server still answers the API and the page's socket. */
async function expectAlive() {
  expect((await fetch(`${server.apiBase}/models`, { headers: auth() })).status).toBe(200);
  expect(await bridgeCall(server, 'routes.list', {})).toEqual({ ok: true, data: [] });
}

const request = (lines: string[]) => `${lines.join('\r\n')}\r\n\r\n`;
const statusOf = (reply: { text: string }) => Number(/^HTTP\/1\.1 (\d{3})/.exec(reply.text)?.[1] ?? 0);

describe('HTTP requests that are not what they seem', () => {
  const host = () => `Host: 127.0.0.1:${port}`;
  const cases: [string, () => string, number][] = [
    [
      'a cookie with a malformed escape',
      () => request(['GET /v1/models HTTP/1.1', host(), 'Cookie: switchboard_token=%E0', 'Connection: close']),
      401,
    ],
    ['a request target that is not a URL', () => request(['GET http://[/ HTTP/1.1', host(), 'Connection: close']), 400],
    [
      'a socket upgrade to a target that is not a URL',
      () =>
        request([
          'GET http://[/ HTTP/1.1',
          host(),
          'Connection: Upgrade',
          'Upgrade: websocket',
          'Sec-WebSocket-Version: 13',
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
        ]),
      404,
    ],
    ['a path with a malformed escape', () => request(['GET /%E0%A4%A HTTP/1.1', host(), 'Connection: close']), 400],
    ['bytes that are not HTTP', () => '\u0000\u0001 not http at all\r\n\r\n', 400],
    [
      'headers over the size limit',
      () => request(['GET /v1/models HTTP/1.1', host(), `X-Filler: ${'a'.repeat(20_000)}`]),
      431,
    ],
  ];
  for (const [name, bytes, status] of cases) {
    it(`answers ${status} to ${name}, then serves the next call`, async () => {
      const reply = await rawExchange(port, bytes());
      expect(statusOf(reply)).toBe(status);
      expect(reply.text).not.toMatch(/at .*\.ts:\d+/);
      await expectAlive();
    });
  }
});

describe('bridge frames that break the protocol', () => {
  it('closes a socket that sends a message over 16 MiB with 1009, and lives', async () => {
    const client = await openBridge(server);
    client.socket.send(Buffer.alloc(16 * 1024 * 1024 + 1, 0x20));
    expect(await client.closed).toBe(1009);
    await expectAlive();
  });

  it('closes a socket that sends invalid UTF-8 with 1007, and lives', async () => {
    const client = await openBridge(server);
    client.socket.send(Buffer.from([0x7b, 0xc3, 0x28, 0x7d]), { binary: false });
    expect(await client.closed).toBe(1007);
    await expectAlive();
  });

  it('closes a socket that sends an unmasked frame with 1002, and lives', async () => {
    const { socket, head } = await rawWebSocket(port, pageProtocols(server.pageSecret));
    expect(head).toMatch(/^HTTP\/1\.1 101/);
    const reply = readAll(socket);
    // FIN + text, no mask bit: only servers may send unmasked frames.
    socket.write(Buffer.concat([Buffer.from([0x81, 0x02]), Buffer.from('hi')]));
    const { text } = await reply;
    expect(closeCode(Buffer.from(text, 'latin1'))).toBe(1002);
    socket.destroy();
    await expectAlive();
  });

  it('ignores messages that are not requests and answers a request for an unknown route with its code', async () => {
    const client = await openBridge(server);
    for (const junk of ['not json', '42', 'null', '{"id":"x"}', '[]']) client.socket.send(junk);
    expect(await client.request(5 as unknown as string, {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_ROUTE' },
    });
    expect(await client.request('routes.list', {})).toEqual({ ok: true, data: [] });
    expect(client.socket.readyState).toBe(WebSocket.OPEN);
    client.socket.close();
    await expectAlive();
  });
});

describe('limits', () => {
  const post = (extra: string[]) =>
    request([
      'POST /v1/chat/completions HTTP/1.1',
      `Host: 127.0.0.1:${port}`,
      `Authorization: Bearer ${server.token}`,
      'Content-Type: application/json',
      ...extra,
    ]);

  it('answers 413 to a body declared over 8 MiB, without reading it', async () => {
    const reply = await rawExchange(port, post([`Content-Length: ${8 * 1024 * 1024 + 1}`]));
    expect(statusOf(reply)).toBe(413);
    expect(reply.text).toMatch(/"code":"request_too_large"/);
    await expectAlive();
  });

  it('answers 413 to a chunked body that grows over 8 MiB', async () => {
    const socket = await openRaw(port);
    const reply = readAll(socket);
    socket.write(post(['Transfer-Encoding: chunked']));
    const piece = Buffer.alloc(1024 * 1024, 0x20);
    for (let index = 0; index < 9 && !socket.destroyed; index++) {
      socket.write(`${piece.length.toString(16)}\r\n`);
      socket.write(piece);
      socket.write('\r\n');
    }
    expect(statusOf(await reply)).toBe(413);
    socket.destroy();
    await expectAlive();
  });

  it('answers 408 to a body sent too slowly, well before a minute', async () => {
    const socket = await openRaw(port);
    const reply = readAll(socket);
    const started = Date.now();
    socket.write(post(['Content-Length: 100']));
    const drip = setInterval(() => socket.write(' '), 100);
    const result = await reply;
    clearInterval(drip);
    expect(result.isClosed).toBe(true);
    expect(statusOf(result)).toBe(408);
    expect(Date.now() - started).toBeLessThan(5000);
    await expectAlive();
  });

  it('answers 408 to headers sent too slowly', async () => {
    const socket = await openRaw(port);
    const reply = readAll(socket);
    socket.write(`GET /v1/models HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`);
    const drip = setInterval(() => socket.write('X-Slow: 1\r\n'), 100);
    const result = await reply;
    clearInterval(drip);
    expect(result.isClosed).toBe(true);
    expect(statusOf(result)).toBe(408);
    await expectAlive();
  });
});

describe('header values', () => {
  it('serves a model id outside Latin-1, names its target percent-encoded, and records the call', async () => {
    fake.enqueue({ kind: 'text', text: 'Bonjour.', model: '你好' });
    const response = await fetch(`${server.apiBase}/chat/completions`, {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'fake/你好', messages: [{ role: 'user', content: 'Hi' }] }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-switchboard-target')).toBe('fake/%E4%BD%A0%E5%A5%BD');
    expect(decodeURIComponent(response.headers.get('x-switchboard-target')!)).toBe('fake/你好');
    const body = (await response.json()) as { model: string; choices: { message: { content: string } }[] };
    expect(body.model).toBe('fake/你好');
    expect(body.choices[0]!.message.content).toBe('Bonjour.');

    fake.enqueue({ kind: 'text', text: 'Streamed.', model: '你好', deltas: 1 });
    const streamed = await fetch(`${server.apiBase}/chat/completions`, {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'fake/你好', messages: [{ role: 'user', content: 'Hi' }], stream: true }),
    });
    expect(streamed.headers.get('x-switchboard-target')).toBe('fake/%E4%BD%A0%E5%A5%BD');
    expect(await streamed.text()).toMatch(/Streamed\.[\s\S]*data: \[DONE\]/);

    const usage = await core.dispatch('usage.list', { source: 'api' }, { emit: () => {} });
    const rows = (usage as { ok: true; data: UsageSummary }).data.records.filter(
      (record) => record.requestedModel === 'fake/你好',
    );
    expect(rows.map((row) => [row.status, row.target])).toEqual([
      ['ok', 'fake/你好'],
      ['ok', 'fake/你好'],
    ]);
  });
});

describe('the page itself', () => {
  it('is served without a secret and holds none, with its CSP, and sets no cookie', async () => {
    await writeFile(join(home, 'index.html'), '<!doctype html><title>Switchboard</title>');
    const response = await fetch(`${serverOrigin(server)}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(response.headers.get('set-cookie')).toBeNull();
    const html = await response.text();
    expect(html).not.toContain(server.pageSecret);
    expect(html).not.toContain(server.token);
    expect(bridgeUrl(server)).toMatch(/^ws:/);
  });
});
