import type { Attempt } from '../../shared/types/usage';

/** One recent call of a route, as the history keeps it (newest first). */
export interface RouteCall {
  target: string | null;
  timeToFirstTokenMs: number | null;
  tokensPerSecond: number | null;
  outputTokens: number | null;
  attempts: Attempt[];
}

/** What a route's recent calls say of one target. */
export interface TargetStats {
  /** Attempts seen (served or failed). */
  samples: number;
  /** Share of attempts that served, recent ones weighing more. */
  successRate: number;
  /** Time to first token of served calls, recent ones weighing more; null when none served. */
  ttftMs: number | null;
  tokensPerSecond: number | null;
  /** Median time to first token of the served calls seen, for Settings. */
  medianTtftMs: number | null;
}

export interface RouteStats {
  targets: Map<string, TargetStats>;
  /** The median output of the route's recent answers; null without any. */
  medianOutputTokens: number | null;
}

/** Each older sample of a target weighs this much less than the one after it. */
const decay = 0.8;

const median = (values: number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** Speed and reliability per target from a route's recent calls (newest first); failed attempts count against. */
export function routeStats(calls: readonly RouteCall[]): RouteStats {
  const acc = new Map<
    string,
    {
      n: number;
      weight: number;
      okWeight: number;
      ttft: [number, number];
      msPerToken: [number, number];
      ttfts: number[];
    }
  >();
  const entry = (target: string) => {
    let found = acc.get(target);
    if (!found) {
      found = { n: 0, weight: 0, okWeight: 0, ttft: [0, 0], msPerToken: [0, 0], ttfts: [] };
      acc.set(target, found);
    }
    return found;
  };
  const outputs: number[] = [];
  for (const call of calls) {
    if (call.outputTokens !== null && call.target !== null) outputs.push(call.outputTokens);
    for (const attempt of call.attempts) {
      const stats = entry(attempt.target);
      const weight = decay ** stats.n;
      stats.n += 1;
      stats.weight += weight;
      if (attempt.error !== null) continue;
      stats.okWeight += weight;
      if (call.target === attempt.target && call.timeToFirstTokenMs !== null) {
        stats.ttft[0] += weight * call.timeToFirstTokenMs;
        stats.ttft[1] += weight;
        stats.ttfts.push(call.timeToFirstTokenMs);
      }
      // Averaged as time per token: one burst at a huge rate must not hide many slow answers.
      if (call.target === attempt.target && call.tokensPerSecond !== null && call.tokensPerSecond > 0) {
        stats.msPerToken[0] += weight * (1000 / call.tokensPerSecond);
        stats.msPerToken[1] += weight;
      }
    }
  }
  const targets = new Map<string, TargetStats>();
  for (const [target, stats] of acc) {
    targets.set(target, {
      samples: stats.n,
      successRate: stats.weight === 0 ? 0 : stats.okWeight / stats.weight,
      ttftMs: stats.ttft[1] === 0 ? null : stats.ttft[0] / stats.ttft[1],
      tokensPerSecond: stats.msPerToken[1] === 0 ? null : 1000 / (stats.msPerToken[0] / stats.msPerToken[1]),
      medianTtftMs: median(stats.ttfts),
    });
  }
  return { targets, medianOutputTokens: median(outputs) };
}
