import type { RouteStrategy } from '../../shared/types/config';
import type { Capability, ConsideredTarget, RouteDecision } from '../../shared/types/usage';
import type { Admission } from './target-health';
import type { RouteStats } from './target-stats';

export interface DecideInput {
  strategy: RouteStrategy;
  /** The route's targets as written. */
  targets: readonly string[];
  estimatedInputTokens: number;
  /** The answer's expected length, and where that figure came from (`limit`, `recent median`, `default`). */
  expectedOutput: { tokens: number; from: string };
  /** Tokens of context; null when unknown (never skipped then). */
  contextWindow(target: string): number | null;
  /** USD this request is expected to cost at a target; null without a known price. */
  expectedCostUSD(target: string): number | null;
  stats: RouteStats;
  weights?: Readonly<Record<string, number>>;
  /** The target's circuit: whether it may be called now (a probe when its bench has just ended). */
  admit(target: string): Admission;
  /** In [0, 1): the weighted draw and fastest's exploration. */
  random(): number;
  /** How often `fastest` tries an unmeasured target first. */
  exploreRate?: number;
  /** What the request needs that a target is known to lack (none when unknown: assumed capable). */
  missing?(target: string): Capability[];
  /** Targets the request asked to try first, in its order (`order`); the rest follow as ranked. */
  pinned?: readonly string[];
  /** Targets the request left out (`only`, `ignore`), listed last with why. */
  leftOut?: readonly ConsideredTarget[];
  /** How the request narrowed the route, for the decision. */
  narrowed?: string;
  needs?: Capability[];
}

export interface DecidedOrder {
  /** Targets to try, in order. */
  order: string[];
  /** Targets let through as their circuit's one probe. */
  probes: string[];
  decision: RouteDecision;
}

const usd = (value: number) => `$${value < 0.01 ? value.toPrecision(2) : value.toFixed(4)}`;
const time = (at: number) => new Date(at).toISOString().slice(11, 19);

/**
 * The order a route tries its targets in for one request. Targets too small for the request and benched
 * targets are skipped (listed last, with why); a target whose bench has ended goes first as its probe; the
 * rest are ordered by the strategy. Pure: every input is passed in.
 */
export function decideOrder(input: DecideInput): DecidedOrder {
  const skipped: ConsideredTarget[] = [];
  const usable: string[] = [];
  const probes: string[] = [];
  for (const target of input.targets) {
    const window = input.contextWindow(target);
    if (window !== null && input.estimatedInputTokens > window) {
      skipped.push({
        target,
        status: 'too-small',
        why: `context window ${window} tokens < about ${input.estimatedInputTokens} in the request`,
      });
      continue;
    }
    const lacks = input.missing?.(target) ?? [];
    if (lacks.length > 0) {
      skipped.push({
        target,
        status: 'missing-capability',
        why: `cannot take ${lacks.join(', ')} (the endpoint's capabilities in config)`,
      });
      continue;
    }
    const admission = input.admit(target);
    if (!admission.ok) {
      skipped.push({
        target,
        status: 'benched',
        why: `benched until ${time(admission.until)}Z: ${admission.reason}`,
        until: new Date(admission.until).toISOString(),
      });
      continue;
    }
    if (admission.probe) probes.push(target);
    else usable.push(target);
  }
  const ranked = rank(input, usable);
  let tried: ConsideredTarget[] = [
    ...probes.map((target) => ({ target, status: 'probe' as const, why: 'bench over: one probe call' })),
    ...ranked,
  ];
  if (input.pinned && input.pinned.length > 0) tried = pinFirst(tried, input.pinned);
  const considered = [...tried, ...skipped, ...(input.leftOut ?? [])];
  const decision: RouteDecision = {
    strategy: input.strategy,
    estimatedInputTokens: input.estimatedInputTokens,
    considered,
  };
  if (input.narrowed) decision.narrowed = input.narrowed;
  if (input.needs && input.needs.length > 0) decision.needs = input.needs;
  return { order: tried.map((entry) => entry.target), probes, decision };
}

/** The request's `order` goes first, in its order; the others keep their place after. */
function pinFirst(entries: ConsideredTarget[], pinned: readonly string[]): ConsideredTarget[] {
  const first: ConsideredTarget[] = [];
  for (const target of pinned) {
    const entry = entries.find((candidate) => candidate.target === target);
    if (entry && !first.includes(entry)) first.push({ ...entry, why: `asked first by the request; ${entry.why}` });
  }
  const firstTargets = new Set(first.map((entry) => entry.target));
  return [...first, ...entries.filter((entry) => !firstTargets.has(entry.target))];
}

function rank(input: DecideInput, targets: string[]): ConsideredTarget[] {
  switch (input.strategy) {
    case 'ordered':
      return targets.map((target, index) => ({ target, status: 'ranked', why: `written ${ordinal(index + 1)}` }));
    case 'cheapest':
      return cheapest(input, targets);
    case 'fastest':
      return fastest(input, targets);
    case 'weighted':
      return weighted(input, targets);
  }
}

function ordinal(n: number): string {
  return n === 1 ? '1st' : n === 2 ? '2nd' : n === 3 ? '3rd' : `${n}th`;
}

function cheapest(input: DecideInput, targets: string[]): ConsideredTarget[] {
  const { tokens, from } = input.expectedOutput;
  const basis = `${input.estimatedInputTokens} in + ${tokens} out (${from})`;
  const priced = targets.map((target) => ({ target, cost: input.expectedCostUSD(target) }));
  const known = priced.filter((entry) => entry.cost !== null).sort((a, b) => a.cost! - b.cost!);
  const unknown = priced.filter((entry) => entry.cost === null);
  return [
    ...known.map(({ target, cost }) => ({ target, status: 'ranked' as const, why: `${usd(cost!)} for ${basis}` })),
    ...unknown.map(({ target }) => ({ target, status: 'unpriced' as const, why: 'no known price: tried last' })),
  ];
}

function fastest(input: DecideInput, targets: string[]): ConsideredTarget[] {
  const outputTokens = input.expectedOutput.tokens;
  const scored = targets.map((target) => {
    const stats = input.stats.targets.get(target);
    if (!stats || stats.samples === 0) return { target, score: null, stats };
    if (stats.ttftMs === null) return { target, score: Number.POSITIVE_INFINITY, stats };
    const streamMs = stats.tokensPerSecond ? (outputTokens / stats.tokensPerSecond) * 1000 : 0;
    // Failures cost a retry elsewhere: a target that serves half its calls counts as twice as slow.
    return { target, score: (stats.ttftMs + streamMs) / Math.max(stats.successRate, 0.05), stats };
  });
  const measured = scored.filter((entry) => entry.score !== null).sort((a, b) => a.score! - b.score!);
  const unmeasured = scored.filter((entry) => entry.score === null);
  const describe = (entry: (typeof scored)[number]): ConsideredTarget => {
    const stats = entry.stats!;
    if (entry.score === Number.POSITIVE_INFINITY)
      return { target: entry.target, status: 'ranked', why: `failed its last ${stats.samples} recent attempts` };
    const speed = stats.tokensPerSecond ? `, ${Math.round(stats.tokensPerSecond)} tok/s` : '';
    const success = `${Math.round(stats.successRate * 100)}% served`;
    return {
      target: entry.target,
      status: 'ranked',
      why: `first token ~${Math.round(stats.ttftMs!)} ms${speed}, ${success} (${stats.samples} recent); ~${Math.round(entry.score!)} ms expected`,
    };
  };
  const finite = measured.filter((entry) => entry.score !== Number.POSITIVE_INFINITY);
  const failing = measured.filter((entry) => entry.score === Number.POSITIVE_INFINITY);
  const result: ConsideredTarget[] = [
    ...finite.map(describe),
    ...unmeasured.map((entry) => ({
      target: entry.target,
      status: 'unmeasured' as const,
      why: 'no recent calls to measure',
    })),
    ...failing.map(describe),
  ];
  // Now and then a target without measurements (or a recovering one) goes first, so it gets measured.
  const explorable = [...unmeasured, ...failing];
  if (finite.length > 0 && explorable.length > 0 && input.random() < (input.exploreRate ?? 0.1)) {
    const chosen = explorable[Math.floor(input.random() * explorable.length)]!.target;
    const index = result.findIndex((entry) => entry.target === chosen);
    const [entry] = result.splice(index, 1);
    result.unshift({ ...entry!, status: 'exploring', why: `tried first to measure it (${entry!.why})` });
  }
  return result;
}

function weighted(input: DecideInput, targets: string[]): ConsideredTarget[] {
  const weightOf = (target: string) => input.weights?.[target] ?? 0;
  const total = targets.reduce((sum, target) => sum + weightOf(target), 0);
  const left = targets.filter((target) => weightOf(target) > 0);
  const result: ConsideredTarget[] = [];
  // Drawn without replacement: the first by weight, then the next among those left, and so on.
  while (left.length > 0) {
    const sum = left.reduce((acc, target) => acc + weightOf(target), 0);
    let draw = input.random() * sum;
    let index = left.findIndex((target) => (draw -= weightOf(target)) < 0);
    if (index < 0) index = left.length - 1;
    const [target] = left.splice(index, 1);
    const share = Math.round((weightOf(target!) / total) * 100);
    result.push({ target: target!, status: 'ranked', why: `weight ${weightOf(target!)} (${share}% of calls first)` });
  }
  for (const target of targets.filter((candidate) => weightOf(candidate) === 0))
    result.push({ target, status: 'ranked', why: 'weight 0: only when the others fail' });
  return result;
}
