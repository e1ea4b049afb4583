// A stream through `switchboard serve` on a big history, alone and while a page loads the Usage screen again and
// again over its socket: the gaps between the stream's chunks say whether a Usage query held the event loop.
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { createKeytarKeychain } from '../../electron/keychain/keytar-keychain';
import type { SocketMessage } from '../../shared/contract/socket';
import { startFakeProvider } from '../fake-provider';
import { startServe } from '../integration/cli-process';

export interface StreamGaps {
  /** Each stream's longest gap between two chunks, ms. */
  longestGapMs: number[];
  /** Each stream's 99th-percentile gap, ms. */
  p99GapMs: number[];
}

/** Every Usage-screen request the page makes, with the filters a person picks. */
const screenRequests: [string, string, unknown][] = [
  ['report, every call', 'usage.report', {}],
  ['report, last 30 days', 'usage.report', { since: '2026-10-26' }],
  ['report, one model', 'usage.report', { model: 'or/b' }],
  ['report, errors only', 'usage.report', { status: 'error' }],
  ['calls table, first page', 'usage.calls', { limit: 50 }],
  ['calls table, one model in the last 30 days', 'usage.calls', { model: 'home/c', since: '2026-10-26', limit: 50 }],
  ['calls table, errors only', 'usage.calls', { status: 'error', limit: 50 }],
  ['budgets', 'budgets.status', {}],
];

async function openPageSocket(pageUrl: string) {
  const url = new URL(pageUrl);
  const secret = new URLSearchParams(url.hash.slice(1)).get('session')!;
  const socket = new WebSocket(`ws://${url.host}/bridge`, ['switchboard', `switchboard-session.${secret}`], {
    origin: url.origin,
  });
  await once(socket, 'open');
  const waiting = new Map<number, (message: SocketMessage) => void>();
  socket.on('message', (data) => {
    const message = JSON.parse(data.toString()) as SocketMessage;
    if (message.kind === 'result') waiting.get(message.id)?.(message);
  });
  let nextId = 1;
  return {
    socket,
    request(route: string, input: unknown): Promise<SocketMessage> {
      const id = nextId++;
      socket.send(JSON.stringify({ id, route, input }));
      return new Promise((resolve) => waiting.set(id, resolve));
    },
  };
}

/** One streamed answer through the local API; the time between chunks as they arrive. */
async function streamGaps(apiBase: string, token: string): Promise<number[]> {
  const response = await fetch(`${apiBase}/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'fake/m', stream: true, messages: [{ role: 'user', content: 'Hi' }] }),
  });
  const reader = response.body!.getReader();
  const gaps: number[] = [];
  let last = 0;
  for (;;) {
    const { done } = await reader.read();
    const now = performance.now();
    if (done) break;
    if (last > 0) gaps.push(now - last);
    last = now;
  }
  return gaps;
}

const summarise = (all: number[][]): StreamGaps => ({
  longestGapMs: all.map((gaps) => Math.max(...gaps)),
  p99GapMs: all.map((gaps) => [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length * 0.99)]!),
});

/**
 * Starts `serve` on `home` (its history already written), streams `runs` answers of `deltas` chunks alone, then
 * the same while the Usage screen's requests run back to back; returns both, and each request's round trip.
 */
export async function measureStreamsBesideUsage(home: string, runs: number, deltas = 400, deltaMs = 5) {
  const fake = await startFakeProvider();
  fake.setDefault({ kind: 'text', text: 'word '.repeat(deltas), deltas, delayMs: deltaMs });
  await writeFile(
    join(home, 'config.json'),
    JSON.stringify({ endpoints: [{ id: 'fake', kind: 'openai-compatible', baseURL: `${fake.url}/v1` }] }),
  );
  await createKeytarKeychain().set('fake', 'sk-bench-usage-0000');
  const serve = await startServe(home);
  const page = await openPageSocket(serve.url);
  const roundTrips = new Map<string, number[]>(screenRequests.map(([name]) => [name, []]));
  try {
    // Warm-up: the first query of each kind pages the database in.
    for (const [, route, input] of screenRequests) await page.request(route, input);
    await streamGaps(serve.apiBase, serve.token);
    const alone: number[][] = [];
    for (let run = 0; run < runs; run += 1) alone.push(await streamGaps(serve.apiBase, serve.token));
    const besideUsage: number[][] = [];
    for (let run = 0; run < runs; run += 1) {
      let isStreaming = true;
      const load = (async () => {
        while (isStreaming) {
          for (const [name, route, input] of screenRequests) {
            const start = performance.now();
            const answer = await page.request(route, input);
            if (answer.kind !== 'result' || !answer.result.ok)
              throw new Error(`${route} failed: ${JSON.stringify(answer)}`);
            roundTrips.get(name)!.push(performance.now() - start);
          }
        }
      })();
      besideUsage.push(await streamGaps(serve.apiBase, serve.token));
      isStreaming = false;
      await load;
    }
    return { alone: summarise(alone), besideUsage: summarise(besideUsage), roundTrips };
  } finally {
    page.socket.close();
    await serve.stop();
    await fake.close();
  }
}
