import { describe, expect, it } from 'vitest';
import { createPricer } from '../catalog/pricer';
import type { CallRequest, ResolvedTarget } from '../gateway/types';
import { createRouter, decisionSummary, withOutcomes } from './create-router';

const target = (endpointId: string, prices?: { input: number; output: number }): ResolvedTarget => ({
  endpoint: {
    id: endpointId,
    kind: 'openai-compatible',
    baseURL: 'http://127.0.0.1:1/v1',
    ...(prices ? { prices: { m: prices } } : {}),
  },
  model: 'm',
  target: `${endpointId}/m`,
});
const request: CallRequest = { modelId: 'r', messages: [{ role: 'user', content: 'x'.repeat(400) }], source: 'app' };

describe('createRouter', () => {
  it("prices the request's estimated input and its own output limit at each target", () => {
    const router = createRouter({ price: createPricer(), recentCalls: () => [] });
    const { targets, decision } = router.plan(
      { name: 'r', strategy: 'cheapest' },
      [target('dear', { input: 10, output: 10 }), target('cheap', { input: 1, output: 1 })],
      { ...request, sampling: { maxOutputTokens: 1000 } },
    );
    expect(targets.map((entry) => entry.target)).toEqual(['cheap/m', 'dear/m']);
    // 4 + 400 / 4 = 104 tokens in, 1000 out, at $1 per million each.
    expect(decision.estimatedInputTokens).toBe(104);
    expect(decision.considered[0]!.why).toBe('$0.0011 for 104 in + 1000 out (the request limit)');
  });

  it('hands a probe that reported nothing to the next call', () => {
    let now = 0;
    const router = createRouter({
      price: createPricer(),
      recentCalls: () => [],
      now: () => now,
      health: { failuresToBench: 1, benchMs: 100 },
    });
    const routing = { name: 'r', strategy: 'ordered' as const };
    router.report('a/m', { ok: false, reason: 'down' });
    expect(router.plan(routing, [target('a'), target('b')], request).targets.map((e) => e.target)).toEqual(['b/m']);
    now = 200;
    const probing = router.plan(routing, [target('a'), target('b')], request);
    expect(probing.probes).toEqual(['a/m']);
    // The probe was refused for the request's own fault: no outcome, so the next call probes.
    router.settle(probing);
    expect(router.plan(routing, [target('a'), target('b')], request).probes).toEqual(['a/m']);
  });

  it('sums the decision up in one header line with each outcome', () => {
    const router = createRouter({ price: createPricer(), recentCalls: () => [] });
    const { decision } = router.plan({ name: 'r', strategy: 'ordered' }, [target('a'), target('b')], request);
    const done = withOutcomes(decision, [
      { target: 'a/m', error: { code: 'NETWORK' } },
      { target: 'b/m', error: null },
    ]);
    expect(decisionSummary(done)).toBe('ordered;a/m=ranked:NETWORK,b/m=ranked:served');
  });
});
