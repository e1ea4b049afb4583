import { describe, expect, it } from 'vitest';
import type { PlaygroundCell, PlaygroundRun } from '../contract/playground';
import { runCsv, runMarkdown } from './run-report';

const cell = (caseId: string, modelId: string, changes: Partial<PlaygroundCell>): PlaygroundCell => ({
  caseId,
  modelId,
  status: 'ok',
  streamId: null,
  text: '',
  timeToFirstTokenMs: 100,
  tokensPerSecond: 50,
  outputTokens: 5,
  costUSD: null,
  totalMs: 300,
  error: null,
  checks: [],
  passed: true,
  ...changes,
});

const run: PlaygroundRun = {
  id: 'r',
  promptId: 'p',
  versionId: 'v',
  versionNumber: 2,
  createdAt: '2026-11-26T10:00:00.000Z',
  version: { system: '', user: 'Capital of {{country}}?', params: { temperature: 0 }, modelIds: ['a/m', 'b/m'] },
  cases: [{ id: 'c1', values: { country: 'Peru' }, checks: [{ kind: 'contains', value: 'Lima' }] }],
  concurrency: 2,
  cells: [
    cell('c1', 'a/m', { text: '=Lima, "the" capital', costUSD: 0.00002 }),
    cell('c1', 'b/m', {
      text: 'Cusco | maybe',
      passed: false,
      checks: [{ check: { kind: 'contains', value: 'Lima' }, passed: false, detail: '“Lima” is not in the answer' }],
    }),
  ],
};

describe('run reports', () => {
  it('writes one CSV row per cell, quoting text and keeping formulas as text', () => {
    expect(runCsv(run).split('\n')).toEqual([
      'case,country,model,status,passed,answer,time_to_first_token_ms,tokens_per_second,output_tokens,cost_usd,total_ms,failed_checks,error',
      `1,Peru,a/m,ok,yes,"'=Lima, ""the"" capital",100,50,5,0.00002,300,,`,
      '1,Peru,b/m,ok,no,Cusco | maybe,100,50,5,,300,contains “Lima”: “Lima” is not in the answer,',
      '',
    ]);
  });

  it('writes a Markdown report with totals per model and a verdict per cell', () => {
    const report = runMarkdown(run);
    expect(report).toContain('# Playground run of version 2');
    expect(report).toContain('| a/m | 100% (1 of 1) | 300 | 0.000020 |');
    expect(report).toContain('| b/m | 0% (0 of 1) | 300 | unknown |');
    expect(report).toContain('| 1 (country=Peru) | pass | fail (contains “Lima”) |');
  });

  it('puts the messages before the user part in the report, in the order they are sent', () => {
    const messages = [
      { role: 'user' as const, content: 'Capital of France?' },
      { role: 'assistant' as const, content: 'Paris.' },
    ];
    const report = runMarkdown({ ...run, version: { ...run.version, messages } });
    expect(report).toContain(
      '## Message 1 (user)\n\n```\nCapital of France?\n```\n\n## Message 2 (assistant)\n\n```\nParis.',
    );
    expect(report.indexOf('## Message 2')).toBeLessThan(report.indexOf('## User part'));
  });
});
