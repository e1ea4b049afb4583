import { once } from 'node:events';
import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { readJsonBody, type JsonBody } from './read-json-body';

const servers: ReturnType<typeof createServer>[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** A server on a free port that reads each request's body and hands the reading to the test. */
async function bodyReader(maxBytes?: number) {
  const readings: Promise<JsonBody>[] = [];
  const server = createServer((request: IncomingMessage, response) => {
    const reading = readJsonBody(request, maxBytes);
    readings.push(reading);
    void reading.then((body) => {
      if (!response.destroyed) response.writeHead(body.ok ? 200 : body.status).end();
    });
  });
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const post = (headers: Record<string, string | number> = {}) =>
    httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/', headers });
  const nextReading = async () => {
    while (readings.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    return readings.shift()!;
  };
  return { post, nextReading };
}

describe('readJsonBody', () => {
  it('reads a body sent in several pieces', async () => {
    const { post, nextReading } = await bodyReader();
    const request = post();
    request.on('error', () => {});
    request.write('{"model":"a/b",');
    request.end('"messages":[]}');
    expect(await nextReading()).toEqual({ ok: true, value: { model: 'a/b', messages: [] } });
  });

  it('says a body that is not JSON, or empty, is not valid JSON', async () => {
    const { post, nextReading } = await bodyReader();
    post()
      .on('error', () => {})
      .end('{"model":');
    const bad = await nextReading();
    expect(bad).toMatchObject({ ok: false, status: 400 });
    expect(!bad.ok && bad.message).toMatch(/^The body is not valid JSON: /);
    post()
      .on('error', () => {})
      .end();
    expect(await nextReading()).toMatchObject({ ok: false, status: 400, message: /not valid JSON/ });
  });

  it('refuses a chunked body over the limit before it is all read', async () => {
    const { post, nextReading } = await bodyReader(1024);
    const request = post();
    request.on('error', () => {});
    request.write('{"text":"');
    request.write('x'.repeat(2048));
    const reading = await nextReading();
    expect(reading).toMatchObject({ ok: false, status: 413, message: /over .* MiB, the most Switchboard reads/ });
    request.destroy();
  });

  it('says a body cut off by the client did not arrive whole', async () => {
    const { post, nextReading } = await bodyReader();
    const request = post({ 'content-length': 1000 });
    request.on('error', () => {});
    request.write('{"model":"a/b"');
    const reading = nextReading();
    await new Promise((resolve) => setTimeout(resolve, 20));
    request.destroy();
    expect(await reading).toMatchObject({
      ok: false,
      status: 400,
      message: /^The request body did not arrive whole: /,
    });
  });
});
