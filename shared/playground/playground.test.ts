import { describe, expect, it } from 'vitest';
import type { PlaygroundCell } from '../contract/playground';
import { parseCaseRows } from './case-rows';
import { evaluateChecks } from './checks';
import { fillTemplate, templateVariables } from './template';
import { totalsByModel } from './totals';

describe('prompt templates', () => {
  it('lists each variable once in order of first use, and fills them in', () => {
    expect(templateVariables('Be {{ tone }}. {{city}}', 'About {{city}} in {{year}}')).toEqual([
      'tone',
      'city',
      'year',
    ]);
    expect(fillTemplate('Hi {{name}}, {{ missing }}!', { name: 'Ada' })).toBe('Hi Ada, !');
  });
});

describe('checks', () => {
  const outcome = { text: '```json\n{"city": "Oslo"}\n```', timeToFirstTokenMs: 300, costUSD: 0.002 };
  it('passes and fails each kind, saying why it failed', () => {
    const results = evaluateChecks(
      [
        { kind: 'contains', value: 'Oslo' },
        { kind: 'not-contains', value: 'Oslo' },
        { kind: 'regex', value: '"city":\\s*"O' },
        { kind: 'regex', value: '(' },
        { kind: 'json' },
        { kind: 'max-ttft', ms: 200 },
        { kind: 'max-cost', usd: 0.01 },
      ],
      outcome,
    );
    expect(results.map((result) => result.passed)).toEqual([true, false, true, false, true, false, true]);
    expect(results[1]!.detail).toBe('“Oslo” is in the answer');
    expect(results[3]!.detail).toMatch(/not a valid regular expression/);
    expect(results[5]!.detail).toBe('first token after 300 ms');
    expect(
      evaluateChecks([{ kind: 'json' }, { kind: 'max-cost', usd: 1 }], { ...outcome, text: 'nope', costUSD: null }),
    ).toMatchObject([{ passed: false, detail: 'the answer is not valid JSON' }, { passed: false }]);
  });
});

describe('case rows', () => {
  it('reads CSV with a header (quotes, commas and newlines inside quotes) and JSON arrays', () => {
    expect(parseCaseRows('city,tone\nOslo,brief\n"Lima, Peru","long\n""warm"""\n')).toEqual({
      rows: [
        { city: 'Oslo', tone: 'brief' },
        { city: 'Lima, Peru', tone: 'long\n"warm"' },
      ],
    });
    expect(parseCaseRows('[{"city": "Rome", "year": 2024}]')).toEqual({ rows: [{ city: 'Rome', year: '2024' }] });
    expect(parseCaseRows('[1, 2]')).toEqual({ problem: expect.stringMatching(/array of objects/) });
    expect(parseCaseRows('city')).toEqual({ problem: expect.stringMatching(/header row/) });
  });
});

describe('totals by model', () => {
  it('gives pass rate, median latency and total cost over finished cells only, cost unknown when none was priced', () => {
    const cell = (modelId: string, passed: boolean | null, totalMs: number | null, costUSD: number | null) =>
      ({ modelId, passed, totalMs, costUSD }) as PlaygroundCell;
    const totals = totalsByModel(
      ['a', 'b'],
      [cell('a', true, 100, 0.1), cell('a', false, 300, 0.2), cell('a', true, 200, null), cell('a', null, null, null)],
    );
    expect(totals[0]).toMatchObject({ finished: 3, passed: 2, medianLatencyMs: 200 });
    expect(totals[0]!.passRate).toBeCloseTo(2 / 3);
    expect(totals[0]!.costUSD).toBeCloseTo(0.3);
    expect(totals[1]).toEqual({
      modelId: 'b',
      finished: 0,
      passed: 0,
      passRate: null,
      medianLatencyMs: null,
      costUSD: null,
    });
  });
});
