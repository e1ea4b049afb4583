import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { quantileMs } from './ttft-histogram';
import { bucketOf as bucketSql, ttftBuckets } from './usage-rollup';

/** The bucket SQLite computes for a time, as the roll-up's generated column does. */
function bucketOf(db: Database.Database, ms: number): number {
  db.exec('CREATE TABLE IF NOT EXISTS t (ms REAL)');
  db.exec('DELETE FROM t');
  db.prepare('INSERT INTO t VALUES (?)').run(ms);
  return (db.prepare(`SELECT ${bucketSql('ms')} AS b FROM t`).get() as { b: number }).b;
}

describe('first-token quantiles from the histogram', () => {
  it('lands within 8% of the exact median and p95 of a spread of times', () => {
    const db = new Database(':memory:');
    const times = Array.from({ length: 2000 }, (_, index) => 80 + ((index * 7919) % 2000) * 1.7);
    const buckets = new Array<number>(ttftBuckets.count).fill(0);
    for (const ms of times) buckets[bucketOf(db, ms)]! += 1;
    const sorted = [...times].sort((a, b) => a - b);
    const exact = (p: number) => sorted[Math.ceil(p * sorted.length) - 1]!;
    expect(Math.abs(quantileMs(buckets, 0.5)! / exact(0.5) - 1)).toBeLessThan(0.08);
    expect(Math.abs(quantileMs(buckets, 0.95)! / exact(0.95) - 1)).toBeLessThan(0.08);
    db.close();
  });

  it('puts times under 10 ms in the first bucket and very slow ones in the last, and has no answer for no calls', () => {
    const db = new Database(':memory:');
    expect(bucketOf(db, 0)).toBe(0);
    expect(bucketOf(db, 9.9)).toBe(0);
    expect(bucketOf(db, 11.6)).toBe(1);
    expect(bucketOf(db, 10 * 60_000)).toBe(ttftBuckets.count - 1);
    expect(quantileMs(new Array(ttftBuckets.count).fill(0), 0.5)).toBeNull();
    const one = new Array<number>(ttftBuckets.count).fill(0);
    one[0] = 1;
    expect(quantileMs(one, 0.5)).toBeCloseTo(5.75, 5);
    db.close();
  });
});
