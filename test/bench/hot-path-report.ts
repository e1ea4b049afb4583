// Turns the hot-path session into figures beside issue 14's targets: bench.json entries and docs/BENCHMARKS.md.
import { cpus, totalmem, release } from 'node:os';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { round, type Measurement } from './measure';

type PerRun<T> = Record<string, T[]>;

export interface HotPathResults {
  settings: Record<string, number | boolean>;
  latency: PerRun<{ ttftP50: number; ttftP99: number; totalP50: number; totalP99: number }>;
  load: PerRun<{ reqPerS: number; ttftP50: number }>;
  longStream: PerRun<{ chunksPerS: number; totalMs: number }>;
  failover: PerRun<{ addedMs: number; failedAttemptMs: number }>;
  serve: { startupMs: number[]; readyMs: number[]; idleMiB: number; afterMiB: number; calls: number };
  /** The 1-minute load average before, after, and at the start of each run. */
  loadAverage: { before: number[]; after: number[]; perRun: number[] };
  /** Portkey: how it started and its memory after the session, or why it is not in this run. */
  peers: { portkey: { version: string; readyMs?: number; residentMiB?: number; why?: string } };
  durationS: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** The median over runs and the spread (lowest–highest) between runs. */
function summary(values: number[], digits = 2) {
  const fixed = (value: number) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
  return {
    value: round(median(values)),
    text: `${fixed(median(values))} (${fixed(Math.min(...values))}–${fixed(Math.max(...values))})`,
  };
}

/** A target as a bound: `< 0.5` ms, `≥ 0.6` of direct. */
interface Bound {
  op: '<' | '≥';
  limit: number;
  text: string;
}
const below = (limit: number, unit: string): Bound => ({ op: '<', limit, text: `< ${limit} ${unit}` });
const atLeast = (limit: number, text: string): Bound => ({ op: '≥', limit, text });

/** `met`, or by how much the median misses the bound. */
function verdict(value: number, bound: Bound | undefined, unit: string): string {
  if (!bound || !Number.isFinite(value)) return '';
  const isMet = bound.op === '<' ? value < bound.limit : value >= bound.limit;
  if (isMet) return 'met';
  const gap = Math.abs(value - bound.limit);
  const times = bound.op === '<' ? value / bound.limit : bound.limit / Math.max(value, 1e-9);
  return `missed by ${gap.toFixed(2)}${unit === 'ms' ? ' ms' : unit === 'MiB' ? ' MiB' : ''} (${times.toFixed(1)}×)`;
}

const measured = ['bare proxy', 'local API', 'in process', 'Portkey'] as const;
const markerStart = '<!-- hot-path bench: written by npm run bench -->';
const markerEnd = '<!-- end of hot-path bench -->';
/** The issue's own measurements, quoted only when this run has no Portkey. */
const issuePortkey = { ttft: '27.3 ms', whole: '1.89 ms', req64: '0.26', chunks: '0.31' };

export function writeHotPathReport(results: HotPathResults): Measurement[] {
  const entries: Measurement[] = [];
  const runs = Number(results.settings.runs);
  const paths = measured.filter((path) => results.latency[`${path}|stream`] !== undefined);
  const hasPortkey = paths.includes('Portkey');
  const add = (name: string, values: number[], target: string, unit = 'ms') => {
    const { value, text } = summary(values, unit === 'ratio' ? 2 : unit === 'ms' ? 2 : 0);
    entries.push({
      name: `hot path: ${name}`,
      runs,
      medianMs: unit === 'ms' ? value : 0,
      p95Ms: 0,
      extra: { value, unit, spread: text, target },
    });
    return { value, text };
  };
  /** Per run, a path's figure minus direct's. */
  const added = (path: string, mode: string, key: 'ttftP50' | 'ttftP99' | 'totalP50' | 'totalP99') => {
    const own = results.latency[`${path}|${mode}`];
    const direct = results.latency[`direct|${mode}`];
    return own && direct ? own.map((run, index) => run[key] - direct[index]![key]) : [];
  };
  const ratio = (table: PerRun<Record<string, number>>, key: string, field: string, suffix = '') =>
    (table[`${key}${suffix}`] ?? []).map((run, index) => run[field]! / table[`direct${suffix}`]![index]![field]!);

  const rows: string[] = [];
  const row = (figure: string, path: string, value: string, target: string, result: string, peers: string) =>
    rows.push(`| ${figure} | ${path} | ${value} | ${target} | ${result} | ${peers} |`);
  /**
   * One figure for every path: each path's row with its target and verdict, and for Switchboard's paths the
   * peers' values from this run (Portkey's from the issue when it could not run here).
   */
  const figure = (
    name: string,
    key: string,
    valuesOf: (path: (typeof measured)[number]) => number[],
    targets: Partial<Record<(typeof measured)[number], Bound | string>>,
    options: { unit?: string; issue?: string; only?: readonly string[] } = {},
  ) => {
    const unit = options.unit ?? 'ms';
    const shown = paths.filter((path) => !options.only || options.only.includes(path));
    const values = new Map(shown.map((path) => [path, valuesOf(path)]));
    const texts = new Map(
      shown.map((path) => {
        const target = targets[path];
        const text = typeof target === 'string' ? target : (target?.text ?? '');
        return [path, add(`${path}: ${key}`, values.get(path)!, text, unit)] as const;
      }),
    );
    for (const path of shown) {
      const target = targets[path];
      const { value, text } = texts.get(path)!;
      const isOurs = path === 'local API' || path === 'in process';
      const peers = !isOurs
        ? ''
        : [
            texts.has('bare proxy') ? `bare proxy ${texts.get('bare proxy')!.text}` : '',
            texts.has('Portkey')
              ? `Portkey ${texts.get('Portkey')!.text}`
              : options.issue
                ? `Portkey (the issue's figure, not run here) ${options.issue}`
                : '',
          ]
            .filter(Boolean)
            .join('; ');
      const targetText = typeof target === 'string' ? target : (target?.text ?? '');
      const result = typeof target === 'object' ? verdict(value, target, unit) : '';
      row(name, path, text, targetText, result, peers);
    }
  };

  figure(
    'added time to first token, p50 (ms)',
    'added TTFT p50',
    (path) => added(path, 'stream', 'ttftP50'),
    {
      'local API': below(0.5, 'ms'),
      'in process': below(0.2, 'ms'),
      'bare proxy': '(the floor for one hop)',
    },
    { issue: issuePortkey.ttft },
  );
  figure('added time to first token, p99 (ms)', 'added TTFT p99', (path) => added(path, 'stream', 'ttftP99'), {
    'local API': below(2, 'ms'),
  });
  figure(
    'added total, streaming 20 deltas, p50 (ms)',
    'added streaming total p50',
    (path) => added(path, 'stream', 'totalP50'),
    {},
  );
  const httpPaths = ['bare proxy', 'local API', 'Portkey'];
  figure(
    'added non-streaming, p50 (ms)',
    'added non-streaming p50',
    (path) => added(path, 'whole', 'totalP50'),
    {
      'local API': below(0.5, 'ms'),
      'bare proxy': '(the floor for one hop)',
    },
    { issue: issuePortkey.whole, only: httpPaths },
  );
  figure(
    'added non-streaming, p99 (ms)',
    'added non-streaming p99',
    (path) => added(path, 'whole', 'totalP99'),
    {},
    {
      only: httpPaths,
    },
  );
  for (const concurrency of [1, 16, 64]) {
    const direct = results.load[`direct|${concurrency}`] ?? [];
    const directReq = add(
      `direct: req/s at ${concurrency}`,
      direct.map((run) => run.reqPerS),
      '',
      'req/s',
    );
    const directTtft = add(
      `direct: TTFT p50 at ${concurrency}`,
      direct.map((run) => run.ttftP50),
      '',
    );
    row(`req/s at ${concurrency} concurrent streams`, 'direct', directReq.text, '', '', '');
    figure(
      `req/s at ${concurrency} concurrent, ratio to direct`,
      `req/s ratio at ${concurrency}`,
      (path) => ratio(results.load, path, 'reqPerS', `|${concurrency}`),
      concurrency === 64 ? { 'local API': atLeast(0.6, '≥ 0.6, ahead of Portkey') } : {},
      { unit: 'ratio', issue: concurrency === 64 ? issuePortkey.req64 : undefined },
    );
    row(`TTFT p50 at ${concurrency} concurrent (ms)`, 'direct', directTtft.text, '', '', '');
    figure(
      `TTFT p50 at ${concurrency} concurrent (ms)`,
      `TTFT p50 at ${concurrency}`,
      (path) => (results.load[`${path}|${concurrency}`] ?? []).map((run) => run.ttftP50),
      {},
    );
  }
  const directChunks = add(
    'direct: chunks/s on 5,000 deltas',
    (results.longStream.direct ?? []).map((run) => run.chunksPerS),
    '',
    'chunks/s',
  );
  row('chunks/s, 5,000-delta stream', 'direct', directChunks.text, '', '', '');
  figure(
    'chunks/s on 5,000 deltas, ratio to direct',
    'chunks/s ratio on 5,000 deltas',
    (path) => ratio(results.longStream, path, 'chunksPerS'),
    { 'local API': atLeast(0.6, '≥ 0.6, ahead of Portkey') },
    {
      unit: 'ratio',
      issue: issuePortkey.chunks,
    },
  );
  for (const [kind, perRun] of Object.entries(results.failover)) {
    const isCooling = kind.includes('cooling');
    const failed = summary(perRun.map((run) => run.failedAttemptMs));
    const total = add(
      `failover (${kind}): added TTFT`,
      perRun.map((run) => run.addedMs),
      isCooling ? '≈ 0 ms' : '',
    );
    row(
      `failover: ${kind}, added over a plain call (ms)`,
      'local API',
      total.text,
      isCooling ? 'costs nothing (≈ 0 ms)' : 'the failed attempt + < 1 ms',
      isCooling ? verdict(total.value, below(0.1, 'ms'), 'ms') : '',
      isCooling ? '' : `the failed attempt alone: ${failed.text}`,
    );
    if (isCooling) continue;
    const beyond = add(
      `failover (${kind}): beyond the failed attempt`,
      perRun.map((run) => run.addedMs - run.failedAttemptMs),
      '< 1 ms',
    );
    row(
      `failover: ${kind}, beyond the failed attempt (ms)`,
      'local API',
      beyond.text,
      '< 1 ms',
      verdict(beyond.value, below(1, 'ms'), 'ms'),
      '',
    );
  }
  const { serve } = results;
  const portkey = results.peers.portkey;
  if (serve.startupMs.length > 0) {
    const ready = add('serve: start to ready', serve.readyMs, '< 300 ms');
    row(
      '`serve`: start to ready line (ms)',
      'serve',
      ready.text,
      '< 300 ms',
      verdict(ready.value, below(300, 'ms'), 'ms'),
      portkey.readyMs === undefined ? '' : `Portkey start to listening: ${portkey.readyMs.toFixed(0)} ms`,
    );
    const first = add('serve: start to first answer', serve.startupMs, '');
    row('`serve`: start to first answered call (ms)', 'serve', first.text, '', '', '');
    row('resident memory, idle after one call', 'serve', `${serve.idleMiB} MiB`, '', '', '');
    row(
      `resident memory after ${serve.calls.toLocaleString('en')} calls`,
      'serve',
      `${serve.afterMiB} MiB`,
      '< 150 MiB',
      verdict(serve.afterMiB, below(150, 'MiB'), 'MiB'),
      portkey.residentMiB ? `Portkey after this session: ${portkey.residentMiB} MiB` : '',
    );
    entries.push({
      name: 'hot path: serve resident memory',
      runs: 1,
      medianMs: 0,
      p95Ms: 0,
      extra: { idleMiB: serve.idleMiB, afterMiB: serve.afterMiB, calls: serve.calls, target: '< 150 MiB' },
    });
  }
  const portkeyLine = hasPortkey
    ? `Portkey: \`@portkey-ai/gateway\` ${portkey.version} with \`hono\` 4.9.7 and \`@hono/node-server\` 1.13.5, installed from the npm registry into the bench cache (not the repository), on 127.0.0.1 through \`test/bench/loopback-only.mjs\`.`
    : `Portkey was not measured in this run: ${portkey.why ?? 'unknown reason'}. Its figures in the peers column are the issue's own.`;

  const cpu = cpus();
  const load = (values: number[]) => values.map((value) => value.toFixed(2)).join(' / ');
  const section = [
    markerStart,
    '',
    `Last run: ${new Date().toISOString()}, ${results.durationS.toFixed(0)} s. Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Linux ${release()}, Node ${process.versions.node}.`,
    `Load average (1/5/15 min) before: ${load(results.loadAverage.before)}, after: ${load(results.loadAverage.after)}; 1-minute load at the start of each run: ${load(results.loadAverage.perRun)}${Math.max(results.loadAverage.before[0]!, ...results.loadAverage.perRun) > cpu.length ? ' — the machine was shared and busy (other work was running tests on the same cores): figures are noisy' : ''}.`,
    portkeyLine,
    `Settings: ${Object.entries(results.settings)
      .map(([name, value]) => `${name} ${value}`)
      .join(
        ', ',
      )}. Each figure is the median over runs, with the lowest–highest run in brackets; added times are a path's figure minus direct's in the same run.`,
    '',
    '| figure | path | measured: median (lowest–highest run) | target | met? | peers in this run |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    markerEnd,
  ].join('\n');
  const file = resolve(import.meta.dirname, '../../docs/BENCHMARKS.md');
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const start = text.indexOf(markerStart);
  const end = text.indexOf(markerEnd);
  writeFileSync(
    file,
    start >= 0 && end > start
      ? `${text.slice(0, start)}${section}${text.slice(end + markerEnd.length)}`
      : `${text.trimEnd()}\n\n${section}\n`,
  );
  return entries;
}
