import { describe, expect, it } from 'vitest';
import type { UsageRecord } from '../../../../shared/types/usage';
import { newStreamView } from '../../store/apply-parts';
import type { StreamView } from '../../store/types';
import { summarize } from './compare-summary';

const answer = (
  name: string,
  text: string,
  record: Partial<UsageRecord> | null,
  status: StreamView['status'] = 'ok',
) => ({
  name,
  view: {
    ...newStreamView(name),
    text,
    status,
    record: record
      ? ({ timeToFirstTokenMs: null, tokensPerSecond: null, costUSD: null, ...record } as UsageRecord)
      : null,
  },
});

describe('the Compare summary row', () => {
  it('names the fastest first token, the fastest tokens/s, the cheapest and the longest answer', () => {
    const lines = summarize([
      answer('a/quick', 'One two.', { timeToFirstTokenMs: 120.4, tokensPerSecond: 40, costUSD: 0.002 }),
      answer('b/fluent', 'One two three four.', { timeToFirstTokenMs: 300, tokensPerSecond: 95.5, costUSD: 0.0004 }),
      answer('c/unpriced', 'One.', { timeToFirstTokenMs: 500, tokensPerSecond: 10, costUSD: null }),
    ]);
    expect(lines).toEqual([
      { title: 'Fastest first token', name: 'a/quick', value: '120 ms' },
      { title: 'Fastest tokens/s', name: 'b/fluent', value: '95.5 tok/s' },
      // An unpriced answer is not free: it is left out of Cheapest.
      { title: 'Cheapest', name: 'b/fluent', value: '$0.000400' },
      { title: 'Longest answer', name: 'b/fluent', value: '4 words' },
    ]);
  });

  it('waits while any answer streams, and leaves failed answers and missing measurements out', () => {
    expect(summarize([answer('a/m', 'Hi', {}), answer('b/m', '', null, 'streaming')])).toBeNull();
    expect(summarize([])).toBeNull();
    const lines = summarize([
      answer('a/m', 'Partial answer that failed', { timeToFirstTokenMs: 1, costUSD: 0 }, 'error'),
      answer('b/m', 'Fine.', { timeToFirstTokenMs: 900 }),
    ]);
    expect(lines).toEqual([
      { title: 'Fastest first token', name: 'b/m', value: '900 ms' },
      { title: 'Longest answer', name: 'b/m', value: '1 word' },
    ]);
  });
});
