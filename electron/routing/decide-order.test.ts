import { describe, expect, it } from 'vitest';
import { decideOrder, type DecideInput } from './decide-order';
import { TargetHealth } from './target-health';
import { routeStats, type RouteCall } from './target-stats';
import { seededRandom } from '../../test/integration/seeded-random';

const base = (overrides: Partial<DecideInput>): DecideInput => ({
  strategy: 'ordered',
  targets: ['a/m', 'b/m', 'c/m'],
  estimatedInputTokens: 1000,
  expectedOutput: { tokens: 100, from: 'default' },
  contextWindow: () => null,
  expectedCostUSD: () => null,
  stats: { targets: new Map(), medianOutputTokens: null },
  admit: () => ({ ok: true, probe: false }),
  random: () => 0.5,
  ...overrides,
});

const served = (target: string, ttft: number, tps: number): RouteCall => ({
  target,
  timeToFirstTokenMs: ttft,
  tokensPerSecond: tps,
  outputTokens: 100,
  attempts: [{ target, startedAtMs: 0, durationMs: ttft, error: null }],
});
const failedAt = (failing: string, servedBy: string): RouteCall => ({
  ...served(servedBy, 100, 50),
  attempts: [
    { target: failing, startedAtMs: 0, durationMs: 10, error: { code: 'NETWORK', message: 'refused' } },
    { target: servedBy, startedAtMs: 10, durationMs: 100, error: null },
  ],
});

describe('decideOrder', () => {
  it('ordered keeps the written order', () => {
    expect(decideOrder(base({})).order).toEqual(['a/m', 'b/m', 'c/m']);
  });

  it('cheapest puts the cheapest known price first and unpriced targets last, saying so', () => {
    const costs: Record<string, number | null> = { 'a/m': null, 'b/m': 0.02, 'c/m': 0.001 };
    const { order, decision } = decideOrder(base({ strategy: 'cheapest', expectedCostUSD: (t) => costs[t]! }));
    expect(order).toEqual(['c/m', 'b/m', 'a/m']);
    expect(decision.considered[0]!.why).toContain('$0.0010');
    expect(decision.considered[2]).toMatchObject({ target: 'a/m', status: 'unpriced' });
  });

  it('fastest ranks by measured speed, failures count against, unmeasured after measured', () => {
    const calls = [
      ...Array.from({ length: 5 }, () => served('a/m', 900, 20)),
      ...Array.from({ length: 5 }, () => served('b/m', 100, 100)),
    ];
    const stats = routeStats(calls);
    expect(decideOrder(base({ strategy: 'fastest', stats, random: () => 0.99 })).order).toEqual(['b/m', 'a/m', 'c/m']);
    // b/m failing most of its recent attempts falls behind a/m.
    const failing = routeStats([...Array.from({ length: 8 }, () => failedAt('b/m', 'a/m')), ...calls]);
    expect(decideOrder(base({ strategy: 'fastest', stats: failing, random: () => 0.99 })).order[0]).toBe('a/m');
  });

  it('fastest now and then tries an unmeasured target first', () => {
    const stats = routeStats([served('a/m', 100, 100), served('b/m', 200, 100)]);
    const { order, decision } = decideOrder(base({ strategy: 'fastest', stats, random: () => 0.01 }));
    expect(order[0]).toBe('c/m');
    expect(decision.considered[0]!.status).toBe('exploring');
  });

  it('weighted spreads first places within 3% of the weights over 10,000 draws', () => {
    const random = seededRandom(42);
    const weights = { 'a/m': 6, 'b/m': 3, 'c/m': 1 };
    const firsts: Record<string, number> = { 'a/m': 0, 'b/m': 0, 'c/m': 0 };
    for (let i = 0; i < 10_000; i++)
      firsts[decideOrder(base({ strategy: 'weighted', weights, random })).order[0]!]! += 1;
    expect(Math.abs(firsts['a/m']! / 10_000 - 0.6)).toBeLessThan(0.03);
    expect(Math.abs(firsts['b/m']! / 10_000 - 0.3)).toBeLessThan(0.03);
    expect(Math.abs(firsts['c/m']! / 10_000 - 0.1)).toBeLessThan(0.03);
  });

  it('skips a target whose context window is below the estimated input, and benched targets', () => {
    const { order, decision } = decideOrder(
      base({
        contextWindow: (t) => (t === 'a/m' ? 500 : 100_000),
        admit: (t) => (t === 'b/m' ? { ok: false, until: 0, reason: 'refused' } : { ok: true, probe: false }),
      }),
    );
    expect(order).toEqual(['c/m']);
    expect(decision.considered.map((entry) => [entry.target, entry.status])).toEqual([
      ['c/m', 'ranked'],
      ['a/m', 'too-small'],
      ['b/m', 'benched'],
    ]);
  });
});

describe('TargetHealth', () => {
  it('benches after N failures in a row, lets one probe through after the bench, and closes on success', () => {
    let now = 0;
    const health = new TargetHealth({ failuresToBench: 2, benchMs: 1000, now: () => now });
    health.failed('a/m', 'down');
    expect(health.admit('a/m')).toEqual({ ok: true, probe: false });
    health.failed('a/m', 'down');
    expect(health.admit('a/m')).toMatchObject({ ok: false, until: 1000 });
    now = 1001;
    expect(health.admit('a/m')).toEqual({ ok: true, probe: true });
    expect(health.admit('a/m').ok).toBe(false);
    health.succeeded('a/m');
    expect(health.admit('a/m')).toEqual({ ok: true, probe: false });
  });

  it('a failed probe benches again; a released one is probed by the next call', () => {
    let now = 0;
    const health = new TargetHealth({ failuresToBench: 1, benchMs: 1000, now: () => now });
    health.failed('a/m', 'down');
    now = 1001;
    expect(health.admit('a/m')).toEqual({ ok: true, probe: true });
    health.failed('a/m', 'still down');
    expect(health.admit('a/m')).toMatchObject({ ok: false, until: 2001, reason: 'still down' });
    now = 2002;
    expect(health.admit('a/m').ok).toBe(true);
    health.released('a/m');
    expect(health.admit('a/m')).toEqual({ ok: true, probe: true });
  });

  it('skips a target missing a capability the request needs, naming it, and lets the request pin its order', () => {
    const { order, decision } = decideOrder(
      base({
        needs: ['tools'],
        missing: (target) => (target === 'a/m' ? ['tools'] : []),
        pinned: ['c/m'],
        narrowed: 'order c/m',
      }),
    );
    expect(order).toEqual(['c/m', 'b/m']);
    expect(decision.considered.at(-1)).toMatchObject({ target: 'a/m', status: 'missing-capability' });
    expect(decision.considered.at(-1)!.why).toContain('tools');
    expect(decision).toMatchObject({ narrowed: 'order c/m', needs: ['tools'] });
  });
});
