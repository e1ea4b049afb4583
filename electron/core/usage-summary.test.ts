import { describe, expect, it } from 'vitest';
import { usageRecord } from '../../shared/types/__fixtures__/usage-record';
import { openStore } from '../store/open-store';
import { usageReport } from './usage-summary';

describe('the usage report', () => {
  it('reads a long history in slices, letting other work run between them', async () => {
    const store = openStore(':memory:');
    // A call a day for 200 days: several slices of whole days.
    for (let day = 0; day < 200; day += 1) {
      store.recordUsage(usageRecord(`call-${day}`, new Date(Date.UTC(2026, 0, 1) + day * 86_400_000).toISOString()));
    }
    let turns = 0;
    let isDone = false;
    const count = () => {
      turns += 1;
      if (!isDone) setImmediate(count);
    };
    setImmediate(count);
    const report = await usageReport(store, {});
    isDone = true;
    expect(report.totals.calls).toBe(200);
    expect(report.days).toHaveLength(200);
    // Whole days 31 at a time for the sums; then first-token counts by whole month and the days after them.
    expect(turns).toBeGreaterThanOrEqual(Math.ceil(200 / 31) + 2);
    store.close();
  });

  it('gives the median and p95 first-token time of each model, fastest first', async () => {
    const store = openStore(':memory:');
    for (let index = 0; index < 100; index += 1) {
      const at = new Date(Date.UTC(2026, 10, 1, 0, index)).toISOString();
      store.recordUsage(usageRecord(`fast-${index}`, at, { target: 'a/fast', timeToFirstTokenMs: 100 + index }));
      store.recordUsage(usageRecord(`slow-${index}`, at, { target: 'a/slow', timeToFirstTokenMs: 1000 + index * 10 }));
    }
    const { firstToken } = await usageReport(store, {});
    expect(firstToken.map((latency) => latency.model)).toEqual(['a/fast', 'a/slow']);
    const [fast, slow] = firstToken;
    // Exact: 149.5 and 194; 1495 and 1940. The histogram is within 8%.
    expect(fast!.medianMs / 149.5).toBeCloseTo(1, 1);
    expect(fast!.p95Ms / 194).toBeCloseTo(1, 1);
    expect(slow!.medianMs / 1495).toBeCloseTo(1, 1);
    expect(slow!.p95Ms / 1940).toBeCloseTo(1, 1);
    store.close();
  });
});
