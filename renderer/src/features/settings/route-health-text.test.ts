import { describe, expect, it } from 'vitest';
import { healthStateText, medianCostText, medianTtftText, successText } from './route-health-text';

const clock = (at: Date) => at.toISOString().slice(11, 19);
const now = Date.parse('2026-11-26T15:20:00.000Z');

describe('a route target’s health in words', () => {
  it('says a bench with when it ends, how long is left and why', () => {
    expect(
      healthStateText(
        { state: 'benched', benchedUntil: '2026-11-26T15:20:25.000Z', reason: 'HTTP 500: boom', failures: 3 },
        now,
        clock,
      ),
    ).toBe('Benched until 15:20:25 (another 25 s): HTTP 500: boom');
    expect(
      healthStateText(
        { state: 'benched', benchedUntil: '2026-11-26T15:19:59.000Z', reason: null, failures: 3 },
        now,
        clock,
      ),
    ).toBe('Benched until 15:19:59 (ending)');
    expect(healthStateText({ state: 'probing', benchedUntil: null, reason: 'x', failures: 3 }, now)).toBe(
      'Probing: one call is testing it',
    );
    expect(healthStateText({ state: 'ok', benchedUntil: null, reason: null, failures: 0 }, now)).toBe('OK');
    expect(healthStateText({ state: 'ok', benchedUntil: null, reason: null, failures: 2 }, now)).toBe(
      'OK (2 failed in a row)',
    );
  });

  it('gives the success rate, median first token and median cost, or a dash when unknown', () => {
    expect(successText({ successRate: 0.75, samples: 4 })).toBe('75% of 4 calls');
    expect(successText({ successRate: 1, samples: 1 })).toBe('100% of 1 call');
    expect(successText({ successRate: null, samples: 0 })).toBe('no calls yet');
    expect(medianTtftText({ medianTtftMs: 212.6 })).toBe('213 ms');
    expect(medianTtftText({ medianTtftMs: null })).toBe('—');
    expect(medianCostText({ medianCostUSD: 0.0123 })).toBe('$0.0123');
    expect(medianCostText({ medianCostUSD: null })).toBe('—');
  });
});
