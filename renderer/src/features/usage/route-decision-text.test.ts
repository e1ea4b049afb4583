import { describe, expect, it } from 'vitest';
import type { RouteDecision } from '../../../../shared/types/usage';
import { describeDecision, missingDecisionText } from './route-decision-text';

describe('describeDecision', () => {
  it('says the strategy, the request size, and each target with its status, reason and outcome', () => {
    const decision: RouteDecision = {
      strategy: 'cheapest',
      estimatedInputTokens: 1234,
      considered: [
        {
          target: 'cheap/m',
          status: 'ranked',
          why: '$0.0010 for 1234 in + 512 out (default)',
          outcome: 'RATE_LIMITED',
        },
        { target: 'dear/m', status: 'ranked', why: '$0.0200 for 1234 in + 512 out (default)', outcome: 'served' },
        { target: 'free/m', status: 'unpriced', why: 'no known price: tried last', outcome: 'not-tried' },
        { target: 'dead/m', status: 'benched', why: 'benched until 15:20:00Z: HTTP 500', outcome: 'not-tried' },
        { target: 'tiny/m', status: 'too-small', why: 'context window 100 tokens < about 1234 in the request' },
      ],
    };
    const text = describeDecision(decision);
    expect(text.strategy).toBe('Cheapest: the targets were ranked by what this request was expected to cost at each.');
    expect(text.basis).toBe('The request was about 1,234 input tokens.');
    expect(text.considered).toEqual([
      {
        target: 'cheap/m',
        status: 'Ranked by price',
        reason: '$0.0010 for 1234 in + 512 out (default)',
        outcome: 'Failed: rate limited',
        isServed: false,
      },
      {
        target: 'dear/m',
        status: 'Ranked by price',
        reason: '$0.0200 for 1234 in + 512 out (default)',
        outcome: 'Served the answer',
        isServed: true,
      },
      {
        target: 'free/m',
        status: 'Unpriced (tried after the priced ones)',
        reason: 'no known price: tried last',
        outcome: 'Not tried',
        isServed: false,
      },
      {
        target: 'dead/m',
        status: 'Benched (skipped)',
        reason: 'benched until 15:20:00Z: HTTP 500',
        outcome: 'Not called',
        isServed: false,
      },
      {
        target: 'tiny/m',
        status: 'Too small (skipped)',
        reason: 'context window 100 tokens < about 1234 in the request',
        outcome: 'Not called',
        isServed: false,
      },
    ]);
  });

  it('names how each strategy ranked, and the probe and exploring statuses', () => {
    const ranked = (strategy: RouteDecision['strategy']) =>
      describeDecision({
        strategy,
        estimatedInputTokens: 1,
        considered: [{ target: 'a/m', status: 'ranked', why: '' }],
      }).considered[0]!.status;
    expect(['ordered', 'cheapest', 'fastest', 'weighted'].map((s) => ranked(s as RouteDecision['strategy']))).toEqual([
      'In written order',
      'Ranked by price',
      'Ranked by speed',
      'Drawn by weight',
    ]);
    const fastest = describeDecision({
      strategy: 'fastest',
      estimatedInputTokens: 10,
      considered: [
        { target: 'new/m', status: 'exploring', why: 'tried first to measure it', outcome: 'served' },
        { target: 'back/m', status: 'probe', why: 'bench over: one probe call', outcome: 'not-tried' },
        { target: 'idle/m', status: 'unmeasured', why: 'no recent calls to measure', outcome: 'not-tried' },
      ],
    });
    expect(fastest.strategy).toMatch(/^Fastest: /);
    expect(fastest.considered.map((line) => line.status)).toEqual([
      'Exploring (tried first to measure it)',
      'Probe (its bench was over)',
      'Unmeasured (no recent calls)',
    ]);
  });

  it('reads statuses and strategies it does not know as their own words, without failing', () => {
    const newer = {
      strategy: 'least-loaded',
      estimatedInputTokens: 5,
      considered: [
        { target: 'a/m', status: 'missing-capability', why: 'takes no images' },
        { target: 'b/m', status: 'narrowed_out', why: 'not in the request’s list' },
      ],
    } as unknown as RouteDecision;
    const text = describeDecision(newer);
    expect(text.strategy).toBe('Least loaded.');
    expect(text.considered.map((line) => [line.status, line.reason, line.outcome])).toEqual([
      ['Missing capability (skipped)', 'takes no images', 'Not called'],
      ['Narrowed out', 'not in the request’s list', 'Not called'],
    ]);
    // A row whose JSON lost its list still opens.
    expect(describeDecision({ strategy: 'ordered' } as unknown as RouteDecision)).toEqual({
      strategy: 'Ordered: the targets were tried as written.',
      basis: '',
      considered: [],
    });
  });
});

describe('missingDecisionText', () => {
  it('tells a direct call, a replay and an older row apart', () => {
    expect(missingDecisionText({ requestedModel: 'fake/m', costSource: 'config' })).toMatch(/one model directly/);
    expect(missingDecisionText({ requestedModel: 'fast', costSource: 'cache' })).toMatch(/Replayed/);
    expect(missingDecisionText({ requestedModel: 'fast', costSource: 'config' })).toMatch(
      /made before Switchboard recorded them/,
    );
  });

  it('says what the request needed and how it narrowed the route, and a target it left out was not called', () => {
    const text = describeDecision({
      strategy: 'ordered',
      estimatedInputTokens: 10,
      needs: ['tools', 'structured-output'],
      narrowed: 'only two/m',
      considered: [
        { target: 'two/m', status: 'ranked', outcome: 'served' },
        { target: 'one/m', status: 'left-out', outcome: 'not-tried' },
      ],
    } as RouteDecision);
    expect(text.basis).toBe(
      'The request was about 10 input tokens. It needed tools, structured output. It narrowed the route: only two/m.',
    );
    expect(text.considered[1]).toMatchObject({ status: 'Left out by the request (skipped)', outcome: 'Not called' });
  });
});
