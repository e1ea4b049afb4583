// What routing through Switchboard's local API adds to a call, against the same fake provider called directly.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { expect, it } from 'vitest';
import { createCoreFromServices } from '../../electron/core/create-core';
import { createServices } from '../../electron/core/services';
import { startServer } from '../../electron/server/start-server';
import { startFakeProvider } from '../fake-provider';
import { measure, record, round } from './measure';

async function timeToFirstToken(client: OpenAI, model: string) {
  const start = performance.now();
  const stream = await client.chat.completions.create({
    model,
    messages: [{ role: 'user', content: 'Hi' }],
    stream: true,
  });
  let first = 0;
  for await (const chunk of stream) if (!first && chunk.choices[0]?.delta.content) first = performance.now() - start;
  return first;
}

it('local API overhead', async () => {
  const fake = await startFakeProvider();
  fake.setDefault({
    kind: 'text',
    text: 'word '.repeat(200),
    deltas: 200,
    model: 'm',
    usage: { inputTokens: 10, outputTokens: 200 },
  });
  const home = await mkdtemp(join(tmpdir(), 'switchboard-bench-'));
  await writeFile(
    join(home, 'config.json'),
    JSON.stringify({ endpoints: [{ id: 'fake', kind: 'openai-compatible', baseURL: `${fake.url}/v1` }] }),
  );
  const services = createServices({ dataDir: home });
  const core = createCoreFromServices(services);
  const server = await startServer({ services, core, rendererDir: home, port: 0 });
  const direct = new OpenAI({ baseURL: `${fake.url}/v1`, apiKey: 'x', maxRetries: 0 });
  const routed = new OpenAI({ baseURL: server.apiBase, apiKey: server.token, maxRetries: 0 });

  const directRun = await measure('api: whole 200-delta stream, fake provider directly', 100, () =>
    timeToFirstToken(direct, 'm'),
  );
  const routedRun = await measure('api: whole 200-delta stream, through Switchboard', 100, () =>
    timeToFirstToken(routed, 'fake/m'),
  );
  const ttft: number[] = [];
  for (let index = 0; index < 100; index += 1) ttft.push(await timeToFirstToken(routed, 'fake/m'));
  ttft.sort((a, b) => a - b);
  record({
    name: 'api: time to first token through Switchboard',
    runs: 100,
    medianMs: round(ttft[50]!),
    p95Ms: round(ttft[95]!),
  });

  const collect = () => (globalThis as { gc?: () => void }).gc?.();
  collect();
  const before = process.memoryUsage();
  for (let index = 0; index < 1000; index += 1) {
    await timeToFirstToken(routed, 'fake/m');
    fake.requests.length = 0; // the fake's own request log is not Switchboard's memory
  }
  collect();
  const after = process.memoryUsage();
  const mebibytes = (bytes: number) => round(bytes / 1024 / 1024);
  record({
    name: 'api: memory growth over 1,000 more routed calls (after GC)',
    runs: 1000,
    medianMs: 0,
    p95Ms: 0,
    extra: {
      heapGrowthMiB: mebibytes(after.heapUsed - before.heapUsed),
      rssGrowthMiB: mebibytes(after.rss - before.rss),
      garbageCollected: typeof (globalThis as { gc?: unknown }).gc === 'function' ? 'yes' : 'no',
    },
  });

  await server.close();
  await core.dispose();
  await fake.close();
  await rm(home, { recursive: true, force: true });
  expect(routedRun.medianMs).toBeGreaterThan(0);
  expect(directRun.medianMs).toBeGreaterThan(0);
});
