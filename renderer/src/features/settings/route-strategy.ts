import type { RouteView } from '../../../../shared/contract';
import type { RouteStrategy } from '../../../../shared/types/config';

/** Each strategy as Settings offers it, with one line saying what it does. */
export const strategyChoices: readonly { value: RouteStrategy; label: string; description: string }[] = [
  {
    value: 'ordered',
    label: 'Ordered',
    description: 'Tries the targets in the order written, the next when one fails.',
  },
  {
    value: 'cheapest',
    label: 'Cheapest',
    description:
      "Tries first the target where each request is expected to cost least (your prices, then the catalog's).",
  },
  {
    value: 'fastest',
    label: 'Fastest',
    description:
      'Tries first the target with the best recent first token and speed on this route; now and then an unmeasured one.',
  },
  {
    value: 'weighted',
    label: 'Weighted',
    description: 'Spreads calls by weight: a target of weight 3 goes first three times as often as one of weight 1.',
  },
];

/** A route's strategy as the form holds it: weights as typed, per target. */
export interface StrategyDraft {
  strategy: RouteStrategy;
  weights: Record<string, string>;
}

/** The form's start: the route's own strategy and weights (ordered and none for a new route). */
export function strategyDraft(route?: Pick<RouteView, 'strategy' | 'weights'>): StrategyDraft {
  return {
    strategy: route?.strategy ?? 'ordered',
    weights: Object.fromEntries(
      Object.entries(route?.weights ?? {}).map(([target, weight]) => [target, String(weight)]),
    ),
  };
}

/** A target's weight as typed; one not typed yet counts as 1, so a new weighted route starts even. */
export const weightText = (draft: StrategyDraft, target: string) => draft.weights[target] ?? '1';

/**
 * What is wrong with the weights before anything is saved, keyed as the form's fields: `weights.<target>`
 * beside a weight, `weights` for the group. Empty unless the strategy is weighted.
 */
export function checkWeights(draft: StrategyDraft, targets: readonly string[]): Record<string, string> {
  if (draft.strategy !== 'weighted' || targets.length === 0) return {};
  const problems: Record<string, string> = {};
  const values: number[] = [];
  for (const target of targets) {
    const text = weightText(draft, target).trim();
    const value = Number(text);
    if (text === '') problems[`weights.${target}`] = 'Give a weight: 0 or more.';
    else if (!Number.isFinite(value)) problems[`weights.${target}`] = 'A weight is a number, such as 1 or 2.5.';
    else if (value < 0) problems[`weights.${target}`] = 'A weight must be 0 or more.';
    else values.push(value);
  }
  if (values.length === targets.length && values.every((value) => value === 0))
    problems.weights = 'At least one weight must be above 0: a target of weight 0 is only tried when the others fail.';
  return problems;
}

/** The route's `strategy` and `weights` as config.json keeps them: nothing for ordered, weights only when weighted. */
export function strategyConfig(
  draft: StrategyDraft,
  targets: readonly string[],
): Pick<RouteView, 'strategy' | 'weights'> {
  if (draft.strategy === 'ordered') return {};
  if (draft.strategy !== 'weighted') return { strategy: draft.strategy };
  return {
    strategy: 'weighted',
    weights: Object.fromEntries(targets.map((target) => [target, Number(weightText(draft, target).trim())])),
  };
}

/** `strategy`, `weights`, `weights.<target>`: a refusal's fields about the strategy, as the form names them. */
export function strategyFormField(field: string): string | null {
  return field === 'strategy' || field === 'weights' || field.startsWith('weights.') ? field : null;
}
