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
  loadAverage: { before: number[]; after: number[] };
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

const paths = ['bare proxy', 'local API', 'in process'] as const;
const markerStart = '<!-- hot-path bench: written by npm run bench -->';
const markerEnd = '<!-- end of hot-path bench -->';

export function writeHotPathReport(results: HotPathResults): Measurement[] {
  const entries: Measurement[] = [];
  const runs = Number(results.settings.runs);
  const add = (name: string, values: number[], target: string, unit = 'ms') => {
    const { value, text } = summary(values, unit === 'ratio' ? 2 : unit === 'ms' ? 2 : 0);
    entries.push({
      name: `hot path: ${name}`,
      runs,
      medianMs: unit === 'ms' ? value : 0,
      p95Ms: 0,
      extra: { value, unit, spread: text, target },
    });
    return text;
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
  const row = (figure: string, path: string, measured: string, target: string, peers: string) =>
    rows.push(`| ${figure} | ${path} | ${measured} | ${target} | ${peers} |`);
  const issue = { bare: 'bare proxy in the issue', portkey: 'Portkey 1.15.2 in the issue' };

  const ttftTargets: Record<string, string> = {
    'local API': '< 0.5 ms',
    'in process': '< 0.2 ms',
    'bare proxy': '(floor)',
  };
  for (const path of paths) {
    row(
      'added time to first token, p50',
      path,
      add(`${path}: added TTFT p50`, added(path, 'stream', 'ttftP50'), ttftTargets[path]!),
      ttftTargets[path]!,
      `${issue.bare}: 0.35 ms; ${issue.portkey}: 27.3 ms`,
    );
  }
  for (const path of paths) {
    const target = path === 'local API' ? '< 2 ms' : '';
    row(
      'added time to first token, p99',
      path,
      add(`${path}: added TTFT p99`, added(path, 'stream', 'ttftP99'), target),
      target,
      '',
    );
  }
  for (const path of paths) {
    row(
      'added total, streaming 20 deltas, p50',
      path,
      add(`${path}: added streaming total p50`, added(path, 'stream', 'totalP50'), ''),
      '',
      '',
    );
  }
  for (const path of paths.filter((path) => path !== 'in process')) {
    const target = path === 'local API' ? '< 0.5 ms' : '(floor)';
    row(
      'added non-streaming, p50',
      path,
      add(`${path}: added non-streaming p50`, added(path, 'whole', 'totalP50'), target),
      target,
      `${issue.bare}: 0.40 ms; ${issue.portkey}: 1.89 ms`,
    );
    row(
      'added non-streaming, p99',
      path,
      add(`${path}: added non-streaming p99`, added(path, 'whole', 'totalP99'), ''),
      '',
      '',
    );
  }
  for (const concurrency of [1, 16, 64]) {
    const direct = results.load[`direct|${concurrency}`] ?? [];
    row(
      `req/s at ${concurrency} concurrent streams`,
      'direct',
      add(
        `direct: req/s at ${concurrency}`,
        direct.map((run) => run.reqPerS),
        '',
        'req/s',
      ),
      '',
      '',
    );
    for (const path of paths) {
      const target = concurrency === 64 && path === 'local API' ? '≥ 0.6 of direct, ahead of Portkey' : '';
      row(
        `req/s at ${concurrency}, ratio to direct`,
        path,
        add(
          `${path}: req/s ratio at ${concurrency}`,
          ratio(results.load, path, 'reqPerS', `|${concurrency}`),
          target,
          'ratio',
        ),
        target,
        concurrency === 64 ? `${issue.bare}: 0.64; ${issue.portkey}: 0.26` : '',
      );
      row(
        `TTFT p50 at ${concurrency} concurrent`,
        path,
        add(
          `${path}: TTFT p50 at ${concurrency}`,
          (results.load[`${path}|${concurrency}`] ?? []).map((run) => run.ttftP50),
          '',
        ),
        '',
        `direct: ${summary(direct.map((run) => run.ttftP50)).text} ms`,
      );
    }
  }
  row(
    'chunks/s, 5,000-delta stream',
    'direct',
    add(
      'direct: chunks/s on 5,000 deltas',
      (results.longStream.direct ?? []).map((run) => run.chunksPerS),
      '',
      'chunks/s',
    ),
    '',
    '',
  );
  for (const path of paths) {
    const target = path === 'local API' ? '≥ 0.6 of direct, ahead of Portkey' : '';
    row(
      'chunks/s, ratio to direct',
      path,
      add(`${path}: chunks/s ratio on 5,000 deltas`, ratio(results.longStream, path, 'chunksPerS'), target, 'ratio'),
      target,
      `${issue.bare}: 0.66; ${issue.portkey}: 0.31`,
    );
  }
  for (const [kind, perRun] of Object.entries(results.failover)) {
    const target = kind.includes('cooling') ? 'costs nothing (≈ 0 ms)' : 'the failed attempt + < 1 ms';
    row(
      `failover: ${kind}, added over a plain call`,
      'local API',
      add(
        `failover (${kind}): added TTFT`,
        perRun.map((run) => run.addedMs),
        target,
      ),
      target,
      `failed attempt alone: ${summary(perRun.map((run) => run.failedAttemptMs)).text} ms`,
    );
    if (!kind.includes('cooling')) {
      row(
        `failover: ${kind}, beyond the failed attempt`,
        'local API',
        add(
          `failover (${kind}): beyond the failed attempt`,
          perRun.map((run) => run.addedMs - run.failedAttemptMs),
          '< 1 ms',
        ),
        '< 1 ms',
        '',
      );
    }
  }
  const { serve } = results;
  if (serve.startupMs.length > 0) {
    row(
      '`serve`: start to ready line',
      'serve',
      add('serve: start to ready', serve.readyMs, '< 300 ms'),
      '< 300 ms',
      '',
    );
    row(
      '`serve`: start to first answered call',
      'serve',
      add('serve: start to first answer', serve.startupMs, ''),
      '',
      '',
    );
    row('resident memory, idle after one call', 'serve', `${serve.idleMiB} MiB`, '', '');
    row(
      `resident memory after ${serve.calls.toLocaleString('en')} calls`,
      'serve',
      `${serve.afterMiB} MiB`,
      '< 150 MiB',
      '',
    );
    entries.push({
      name: 'hot path: serve resident memory',
      runs: 1,
      medianMs: 0,
      p95Ms: 0,
      extra: { idleMiB: serve.idleMiB, afterMiB: serve.afterMiB, calls: serve.calls, target: '< 150 MiB' },
    });
  }

  const cpu = cpus();
  const load = (values: number[]) => values.map((value) => value.toFixed(2)).join(' / ');
  const section = [
    markerStart,
    '',
    `Last run: ${new Date().toISOString()}, ${results.durationS.toFixed(0)} s. Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Linux ${release()}, Node ${process.versions.node}.`,
    `Load average (1/5/15 min) before: ${load(results.loadAverage.before)}, after: ${load(results.loadAverage.after)}${results.loadAverage.before[0]! > cpu.length ? ' — the machine was shared and busy: figures are noisy' : ''}.`,
    `Settings: ${Object.entries(results.settings)
      .map(([name, value]) => `${name} ${value}`)
      .join(
        ', ',
      )}. Each figure is the median over runs, with the lowest–highest run in brackets; added times are a path's figure minus direct's in the same run.`,
    '',
    '| figure | path | measured (spread between runs) | target | peers |',
    '| --- | --- | --- | --- | --- |',
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
