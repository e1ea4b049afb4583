// Issue 14's side-by-side: direct, a bare Node proxy, Switchboard's local API and its core in process, and Portkey's
// open-source gateway, interleaved in one session against one fake provider on 127.0.0.1. Writes
// test-reports/bench.json and docs/BENCHMARKS.md.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { expect, it } from 'vitest';
import { createServices } from '../../electron/core/services';
import { createKeytarKeychain } from '../../electron/keychain/keytar-keychain';
import { deadPort } from '../fake-provider/dead-port';
import { typeScriptNodeArgs } from '../integration/cli-process';
import { callHttp, closeClient, deltaText, type CallTiming } from './hot-path-peers';
import { writeHotPathReport, type HotPathResults } from './hot-path-report';
import { record, round } from './measure';
import { installPortkey, portkeyHeaders, portkeyVersion, startPortkey } from './portkey-peer';

const runs = Number(process.env.BENCH_RUNS ?? 3);
const callsPerRun = Number(process.env.BENCH_CALLS ?? 300);
const loadMs = Number(process.env.BENCH_LOAD_MS ?? 1000);
const failoverCalls = Number(process.env.BENCH_FAILOVER_CALLS ?? 40);
const memoryCalls = Number(process.env.BENCH_MEMORY_CALLS ?? 10_000);
const repoRoot = resolve(import.meta.dirname, '../..');

const allPaths = ['direct', 'bare proxy', 'local API', 'in process', 'Portkey'] as const;
type PathName = (typeof allPaths)[number];
type Call = (model: string, isStream: boolean) => Promise<CallTiming>;

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
};
const median = (values: number[]) => percentile(values, 50);
const rotate = <T>(items: readonly T[], by: number) => items.map((_, index) => items[(index + by) % items.length]!);

/** Resident memory of a process, MiB, from /proc. */
function residentMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return round(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024);
}

/** A child process that prints a line when ready: a peer (`peer-process.ts`) or `switchboard serve`. */
async function startChild(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const child = spawn(process.execPath, args, { env, stdio: ['pipe', 'pipe', 'inherit'] });
  const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
  return {
    line,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
const peerScript = resolve(import.meta.dirname, 'peer-process.ts');

/** `count` calls, `concurrency` at a time. */
async function drive(call: () => Promise<unknown>, count: number, concurrency: number) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next += 1;
        await call();
      }
    }),
  );
}

it('hot path: direct, bare proxy, local API, in process, Portkey', async () => {
  const started = performance.now();
  const { loadavg } = await import('node:os');
  const loadBefore = loadavg();
  // Installed before anything is timed; a failed install is said in the report and the session goes on without it.
  const portkeyInstall = await installPortkey();
  if (!portkeyInstall.ok) console.warn(`hot path: Portkey is left out: ${portkeyInstall.why}`);
  const upstreamProcess = await startChild([...typeScriptNodeArgs, peerScript, 'upstream']);
  const upstream = { url: upstreamProcess.line };
  const bareProcess = await startChild([...typeScriptNodeArgs, peerScript, 'proxy', upstream.url]);
  const bare = { url: bareProcess.line };
  const portkey = portkeyInstall.ok ? await startPortkey(portkeyInstall.script) : undefined;
  const pathNames = allPaths.filter((path) => path !== 'Portkey' || portkey !== undefined);
  const cli = join(repoRoot, 'out/main/cli.js');
  if (!existsSync(cli))
    throw new Error('Build first: npm run bench builds the app (electron-vite build) before it runs.');
  const dead = await deadPort();
  const home = await mkdtemp(join(tmpdir(), 'switchboard-hot-bench-'));
  const routes: Record<string, { targets: string[] }> = {
    'via-dead': { targets: ['dead/m', 'fake/m'] },
    'via-503': { targets: ['fake/busy', 'fake/m'] },
  };
  for (let index = 0; index < runs * failoverCalls; index += 1) {
    routes[`via-429-${index}`] = { targets: [`fake/rl${index}`, 'fake/m'] };
  }
  const config = {
    endpoints: [
      { id: 'fake', kind: 'openai-compatible', baseURL: `${upstream.url}/v1` },
      { id: 'dead', kind: 'openai-compatible', baseURL: `http://127.0.0.1:${dead}/v1` },
    ],
    routes,
  };
  await writeFile(join(home, 'config.json'), JSON.stringify(config));
  // A key in the OS keychain, as a real endpoint has: its read is part of the hot path.
  const keychain = createKeytarKeychain();
  const hasKeychain = await keychain.set('fake', 'sk-bench-0000').then(
    () => true,
    () => false,
  );
  // The local API as users run it: `switchboard serve`, a process of its own.
  const serveEnv = { ...process.env, SWITCHBOARD_HOME: home };
  const serveProcess = await startChild([cli, 'serve', '--json', '--port', '0'], serveEnv);
  const server = JSON.parse(serveProcess.line) as { apiBase: string; token: string };
  // The core in this process: what the desktop app's own calls pay.
  const services = createServices({ dataDir: home });

  const inProcess: Call = async (model) => {
    const start = performance.now();
    let ttftMs = 0;
    let textLength = 0;
    for await (const part of services.gateway.stream({
      modelId: `fake/${model}`,
      messages: [{ role: 'user', content: 'Hi' }],
      source: 'app',
    })) {
      if (part.type === 'text-delta') {
        textLength += part.text.length;
        if (ttftMs === 0) ttftMs = performance.now() - start;
      }
      if (part.type === 'error') throw new Error(part.message);
    }
    // The provider's deltas, however many of them one part joins.
    return { ttftMs, totalMs: performance.now() - start, events: Math.round(textLength / deltaText.length) };
  };
  const calls: Record<PathName, Call> = {
    direct: (model, isStream) => callHttp(`${upstream.url}/v1`, 'x', model, isStream),
    'bare proxy': (model, isStream) => callHttp(`${bare.url}/v1`, 'x', model, isStream),
    'local API': (model, isStream) => callHttp(server.apiBase, server.token, `fake/${model}`, isStream),
    'in process': inProcess,
    Portkey: (model, isStream) =>
      callHttp(`${portkey!.url}/v1`, 'x', model, isStream, portkeyHeaders(`${upstream.url}/v1`)),
  };
  // The app's own calls always stream.
  const hasNonStreaming = (path: PathName) => path !== 'in process';

  const results: HotPathResults = {
    settings: { runs, callsPerRun, loadMs, failoverCalls, memoryCalls, hasKeychain },
    latency: {},
    load: {},
    longStream: {},
    failover: {},
    serve: { startupMs: [], readyMs: [], idleMiB: 0, afterMiB: 0, calls: 0 },
    loadAverage: { before: loadBefore, after: [], perRun: [] },
    peers: {
      portkey: portkeyInstall.ok
        ? { version: portkeyVersion, readyMs: portkey!.readyMs, residentMiB: 0 }
        : { version: portkeyVersion, why: portkeyInstall.why },
    },
    durationS: 0,
  };

  // Warm-up: JIT, sockets, keychain, caches.
  for (let index = 0; index < 50; index += 1) {
    for (const path of pathNames) {
      await calls[path]('m', true);
      if (hasNonStreaming(path)) await calls[path]('m', false);
    }
  }

  for (let run = 0; run < runs; run += 1) {
    results.loadAverage.perRun.push(loadavg()[0]!);
    // Latency: every path in turn, the order rotated each round.
    const samples = new Map<string, { ttft: number[]; total: number[] }>();
    const sample = (key: string) => samples.get(key) ?? samples.set(key, { ttft: [], total: [] }).get(key)!;
    for (let index = 0; index < callsPerRun; index += 1) {
      for (const path of rotate(pathNames, index)) {
        const streamed = await calls[path]('m', true);
        sample(`${path}|stream`).ttft.push(streamed.ttftMs);
        sample(`${path}|stream`).total.push(streamed.totalMs);
        if (!hasNonStreaming(path)) continue;
        const whole = await calls[path]('m', false);
        sample(`${path}|whole`).total.push(whole.totalMs);
      }
    }
    for (const [key, { ttft, total }] of samples) {
      (results.latency[key] ??= []).push({
        ttftP50: median(ttft),
        ttftP99: percentile(ttft, 99),
        totalP50: median(total),
        totalP99: percentile(total, 99),
      });
    }

    // Throughput: streaming calls for a fixed time at each concurrency.
    for (const concurrency of [1, 16, 64]) {
      for (const path of rotate(pathNames, run)) {
        const ttft: number[] = [];
        let done = 0;
        const until = performance.now() + loadMs;
        const begin = performance.now();
        await Promise.all(
          Array.from({ length: concurrency }, async () => {
            while (performance.now() < until) {
              ttft.push((await calls[path]('m', true)).ttftMs);
              done += 1;
            }
          }),
        );
        const seconds = (performance.now() - begin) / 1000;
        (results.load[`${path}|${concurrency}`] ??= []).push({ reqPerS: done / seconds, ttftP50: median(ttft) });
      }
    }

    // A long stream: 5,000 deltas.
    for (const path of rotate(pathNames, run)) {
      const long = await calls[path]('long', true);
      (results.longStream[path] ??= []).push({
        chunksPerS: long.events / (long.totalMs / 1000),
        totalMs: long.totalMs,
      });
    }

    // Failover through the local API, against the plain call in the same rounds.
    const plain: number[] = [];
    const viaDead: number[] = [];
    const via503: number[] = [];
    const via429: number[] = [];
    const cooled: number[] = [];
    const failed429: number[] = [];
    const failedDead: number[] = [];
    for (let index = 0; index < failoverCalls; index += 1) {
      const route = `via-429-${run * failoverCalls + index}`;
      plain.push((await calls['local API']('m', true)).ttftMs);
      viaDead.push((await callHttp(server.apiBase, server.token, 'via-dead', true)).ttftMs);
      via503.push((await callHttp(server.apiBase, server.token, 'via-503', true)).ttftMs);
      via429.push((await callHttp(server.apiBase, server.token, route, true)).ttftMs);
      cooled.push((await callHttp(server.apiBase, server.token, route, true)).ttftMs);
      // The failed attempts on their own: a 429 answered, a connection refused.
      let start = performance.now();
      await callHttp(`${upstream.url}/v1`, 'x', 'rl', true).catch(() => {});
      failed429.push(performance.now() - start);
      start = performance.now();
      await callHttp(`http://127.0.0.1:${dead}/v1`, 'x', 'm', true).catch(() => {});
      failedDead.push(performance.now() - start);
    }
    const base = median(plain);
    const failover = results.failover;
    (failover['dead first target'] ??= []).push({
      addedMs: median(viaDead) - base,
      failedAttemptMs: median(failedDead),
    });
    (failover['503'] ??= []).push({ addedMs: median(via503) - base, failedAttemptMs: median(failed429) });
    (failover['429'] ??= []).push({ addedMs: median(via429) - base, failedAttemptMs: median(failed429) });
    (failover['429, target cooling down'] ??= []).push({ addedMs: median(cooled) - base, failedAttemptMs: 0 });
  }

  await serveProcess.stop();
  services.dispose();
  if (portkey) {
    results.peers.portkey.residentMiB = residentMiB(portkey.pid);
    await portkey.stop();
  }

  // `switchboard serve` from cold: start-up to the first answered call, then memory after many calls.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const start = performance.now();
    const child = await startChild([cli, 'serve', '--json', '--port', '0'], serveEnv);
    results.serve.readyMs.push(performance.now() - start);
    const info = JSON.parse(child.line) as { apiBase: string; token: string };
    await callHttp(info.apiBase, info.token, 'fake/m', true);
    results.serve.startupMs.push(performance.now() - start);
    if (attempt === 2) {
      results.serve.idleMiB = residentMiB(child.pid);
      await drive(() => callHttp(info.apiBase, info.token, 'fake/m', true), memoryCalls, 16);
      results.serve.calls = memoryCalls;
      results.serve.afterMiB = residentMiB(child.pid);
    }
    await child.stop();
  }

  closeClient();
  await bareProcess.stop();
  await upstreamProcess.stop();
  if (hasKeychain) await keychain.remove('fake');
  await rm(home, { recursive: true, force: true });
  results.loadAverage.after = loadavg();
  results.durationS = (performance.now() - started) / 1000;

  for (const entry of writeHotPathReport(results)) record(entry);
  expect(results.latency['local API|stream']?.length).toBe(runs);
}, 900_000);
