import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';

export interface Measurement {
  name: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
  extra?: Record<string, number | string>;
}

/** Runs `task` `runs` times after a warm-up and returns the median and 95th percentile. */
export async function measure(
  name: string,
  runs: number,
  task: () => unknown | Promise<unknown>,
  extra?: Measurement['extra'],
): Promise<Measurement> {
  for (let index = 0; index < Math.min(5, runs); index += 1) await task();
  const times: number[] = [];
  for (let index = 0; index < runs; index += 1) {
    const start = performance.now();
    await task();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const result = {
    name,
    runs,
    medianMs: round(times[Math.floor(runs / 2)]!),
    p95Ms: round(times[Math.floor(runs * 0.95)]!),
    extra,
  };
  record(result);
  return result;
}

export const round = (value: number) => Math.round(value * 1000) / 1000;

export function record(result: Measurement) {
  const dir = resolve(import.meta.dirname, '../../test-reports');
  mkdirSync(dir, { recursive: true });
  const file = resolve(dir, 'bench.json');
  const all = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Measurement[]) : [];
  writeFileSync(file, JSON.stringify([...all.filter((entry) => entry.name !== result.name), result], null, 2));
  console.log(
    `${result.name}: median ${result.medianMs} ms, p95 ${result.p95Ms} ms over ${result.runs} runs${result.extra ? ` ${JSON.stringify(result.extra)}` : ''}`,
  );
}
