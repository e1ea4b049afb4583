// Closing the local server (quitting the desktop app, stopping `serve`) mid-answer: the call is still recorded.
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createCoreFromServices } from '../../electron/core/create-core';
import { createServices } from '../../electron/core/services';
import { startServer } from '../../electron/server/start-server';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

it('waits for an API call in flight to write its usage row before it resolves', async () => {
  let isRequested = false;
  let isAborted = false;
  // A provider that sends its first words, then keeps the answer open.
  const provider = createServer((request, response) => {
    isRequested = true;
    request.resume();
    response.on('close', () => (isAborted = true));
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.write(
      `data: ${JSON.stringify({ id: 'x', object: 'chat.completion.chunk', created: 0, model: 'm', choices: [{ index: 0, delta: { content: 'Half an ans' }, finish_reason: null }] })}\n\n`,
    );
  });
  provider.listen(0, '127.0.0.1');
  await once(provider, 'listening');
  cleanups.push(async () => {
    provider.closeAllConnections();
    await new Promise((resolve) => provider.close(resolve));
  });

  const home = await mkdtemp(join(tmpdir(), 'switchboard-close-'));
  cleanups.push(() => rm(home, { recursive: true, force: true }));
  const baseURL = `http://127.0.0.1:${(provider.address() as AddressInfo).port}/v1`;
  await writeFile(
    join(home, 'config.json'),
    JSON.stringify({ endpoints: [{ id: 'open', kind: 'openai-compatible', baseURL }], routes: {} }),
  );
  const services = createServices({ dataDir: home });
  const core = createCoreFromServices(services);
  cleanups.push(() => core.dispose());
  const server = await startServer({ services, core, rendererDir: home, port: 0 });

  const response = await fetch(`${server.apiBase}/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'open/m', messages: [{ role: 'user', content: 'Hi' }], stream: true }),
  });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  await reader.read();
  expect(isRequested).toBe(true);

  await server.close();
  // Nothing is awaited after close: the row must already be there.
  const [row] = services.store.listUsage({ limit: 5 });
  expect(row).toMatchObject({ status: 'cancelled', requestedModel: 'open/m', source: 'api' });
  await expect.poll(() => isAborted).toBe(true);
  await reader.cancel().catch(() => {});
});
