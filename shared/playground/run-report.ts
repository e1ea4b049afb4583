import type { PlaygroundRun } from '../contract/playground';
import { describeCheck } from './checks';
import { totalsByModel } from './totals';

/** A CSV cell; text a spreadsheet would run as a formula (= + - @, tab, return) is prefixed with ' to stay text. */
function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One row per cell: the case's values, the model, the answer, its metrics and each failed check. */
export function runCsv(run: PlaygroundRun): string {
  const variables = [...new Set(run.cases.flatMap((c) => Object.keys(c.values)))];
  const header = [
    'case',
    ...variables,
    'model',
    'status',
    'passed',
    'answer',
    'time_to_first_token_ms',
    'tokens_per_second',
    'output_tokens',
    'cost_usd',
    'total_ms',
    'failed_checks',
    'error',
  ];
  const rows = run.cells.map((cell) => {
    const index = run.cases.findIndex((c) => c.id === cell.caseId);
    const values = run.cases[index]?.values ?? {};
    return [
      index + 1,
      ...variables.map((name) => values[name] ?? ''),
      cell.modelId,
      cell.status,
      cell.passed === null ? '' : cell.passed ? 'yes' : 'no',
      cell.text,
      cell.timeToFirstTokenMs,
      cell.tokensPerSecond,
      cell.outputTokens,
      cell.costUSD,
      cell.totalMs,
      cell.checks
        .filter((result) => !result.passed)
        .map((result) => `${describeCheck(result.check)}${result.detail ? `: ${result.detail}` : ''}`)
        .join('; '),
      cell.error ?? '',
    ]
      .map(csvCell)
      .join(',');
  });
  return `${[header.join(','), ...rows].join('\n')}\n`;
}

/** Table text: pipes escaped, lines joined, so a cell stays one cell. */
const md = (text: string) => text.replaceAll('\\', '\\\\').replaceAll('|', '\\|').replace(/\r?\n/g, ' ');

/** A Markdown report: the prompt and parameters, totals per model, then each case's verdict per model. */
export function runMarkdown(run: PlaygroundRun): string {
  const { version } = run;
  const lines = [
    `# Playground run of version ${run.versionNumber}`,
    '',
    `Run ${run.createdAt}, ${run.cells.length} cells (${run.cases.length} cases × ${version.modelIds.length} models).`,
    '',
    ...(version.system ? ['## System part', '', '```', version.system, '```', ''] : []),
    ...(version.messages ?? []).flatMap((message, index) => [
      `## Message ${index + 1} (${message.role})`,
      '',
      '```',
      message.content,
      '```',
      '',
    ]),
    '## User part',
    '',
    '```',
    version.user,
    '```',
    '',
    `Parameters: \`${JSON.stringify(version.params)}\``,
    '',
    '## Totals',
    '',
    '| Model | Pass rate | Median latency (ms) | Total cost (USD) |',
    '| --- | --- | --- | --- |',
    ...totalsByModel(version.modelIds, run.cells).map(
      (total) =>
        `| ${md(total.modelId)} | ${total.passRate === null ? '–' : `${Math.round(total.passRate * 100)}% (${total.passed} of ${total.finished})`} | ${total.medianLatencyMs === null ? '–' : Math.round(total.medianLatencyMs)} | ${total.costUSD === null ? 'unknown' : total.costUSD.toFixed(6)} |`,
    ),
    '',
    '## Cells',
    '',
    `| Case | ${version.modelIds.map(md).join(' | ')} |`,
    `| --- |${version.modelIds.map(() => ' --- |').join('')}`,
    ...run.cases.map((testCase, index) => {
      const verdicts = version.modelIds.map((modelId) => {
        const cell = run.cells.find((c) => c.caseId === testCase.id && c.modelId === modelId);
        if (!cell) return '–';
        const failed = cell.checks.filter((result) => !result.passed).map((result) => describeCheck(result.check));
        const verdict = cell.passed ? 'pass' : cell.status === 'ok' ? `fail (${failed.join('; ')})` : cell.status;
        return md(verdict);
      });
      const values = Object.entries(testCase.values)
        .map(([name, value]) => `${name}=${value}`)
        .join(', ');
      return `| ${md(`${index + 1}${values ? ` (${values})` : ''}`)} | ${verdicts.join(' | ')} |`;
    }),
    '',
  ];
  return lines.join('\n');
}
