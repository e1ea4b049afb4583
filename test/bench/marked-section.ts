// A bench's own section of docs/BENCHMARKS.md, between its markers (replaced on every run, appended the first time).
import { cpus, loadavg, totalmem } from 'node:os';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface ReportRow {
  figure: string;
  /** One value per run. */
  values: number[];
  /** The same figure for an earlier build, measured in the same session. */
  beforeValues?: number[];
  unit: string;
  target: string;
}

const format = (value: number) =>
  Number.isInteger(value) || Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(1);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export function machineLine(loadBefore: number[]): string {
  const load = (values: number[]) => values.map((value) => value.toFixed(2)).join(' / ');
  return (
    `Machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ` +
    `Node ${process.version}, Debian Chromium (headless). Load average (1/5/15 min) before: ${load(loadBefore)}, ` +
    `after: ${load(loadavg())}` +
    (loadBefore[0]! > cpus().length / 2
      ? ` — other work was running on the same ${cpus().length} cores: figures are noisy.`
      : '.')
  );
}

/** Replaces the marked section (or appends it) with a table: each figure's median, its spread, its target. */
export function writeMarkedSection(name: string, title: string, intro: string[], rows: ReportRow[], docsFile?: string) {
  const markerStart = `<!-- ${name}:start (written by npm run bench) -->`;
  const markerEnd = `<!-- ${name}:end -->`;
  const file = docsFile ?? resolve(import.meta.dirname, '../../docs/BENCHMARKS.md');
  const cell = (values: number[], unit: string) =>
    `${format(median(values))}${unit ? ` ${unit}` : ''} (${format(Math.min(...values))}–${format(Math.max(...values))})`;
  const hasBefore = rows.some((row) => row.beforeValues);
  const table = [
    `| figure | measured, median (lowest–highest run) |${hasBefore ? ' before, in the same session |' : ''} target |`,
    `| --- | --- |${hasBefore ? ' --- |' : ''} --- |`,
    ...rows.map(
      (row) =>
        `| ${row.figure} | ${cell(row.values, row.unit)} |${hasBefore ? ` ${row.beforeValues ? cell(row.beforeValues, row.unit) : ''} |` : ''} ${row.target} |`,
    ),
  ];
  const section = [markerStart, '', `### ${title}`, '', ...intro, '', ...table, '', markerEnd].join('\n');
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(markerStart);
  const end = text.indexOf(markerEnd);
  writeFileSync(
    file,
    start >= 0 && end > start
      ? `${text.slice(0, start)}${section}${text.slice(end + markerEnd.length)}`
      : `${text.trimEnd()}\n\n${section}\n`,
  );
}
