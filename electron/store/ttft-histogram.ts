import { ttftBuckets } from './usage-rollup';

const { count, firstMs, ratio } = ttftBuckets;

/** The lower and upper bound of a bucket in ms (the first starts at 0; the last is given one bucket's width). */
function bounds(index: number): [number, number] {
  const upper = firstMs * ratio ** (index + 1);
  return [index === 0 ? 0 : firstMs * ratio ** index, upper];
}

/**
 * The `p`-th quantile (0–1) of first-token times counted in `buckets`: the bucket holding it, then a
 * geometric interpolation inside it (linear in the first, which starts at 0). Null without any count.
 */
export function quantileMs(buckets: number[], p: number): number | null {
  const total = buckets.reduce((sum, value) => sum + value, 0);
  if (total <= 0) return null;
  const rank = p * total;
  let before = 0;
  for (let index = 0; index < count; index += 1) {
    const inBucket = buckets[index] ?? 0;
    if (inBucket > 0 && before + inBucket >= rank) {
      const share = Math.min(1, Math.max(0, (rank - before) / inBucket));
      const [lower, upper] = bounds(index);
      return index === 0 ? lower + (upper - lower) * share : lower * (upper / lower) ** share;
    }
    before += inBucket;
  }
  return bounds(count - 1)[1];
}
