import { SwitchboardError } from '../../shared/errors/codes';
import type { RoutePreference } from '../../shared/routing/route-preference';
import type { ConsideredTarget } from '../../shared/types/usage';
import type { ResolvedTarget } from '../gateway/types';

export interface NarrowedRoute {
  targets: ResolvedTarget[];
  /** The request's `order`, as targets. */
  pinned: string[];
  leftOut: ConsideredTarget[];
  /** What the request asked, in words, for the decision. */
  narrowed: string;
}

const matches = (name: string, resolved: ResolvedTarget) => resolved.target === name || resolved.endpoint.id === name;

/**
 * A route's targets as one request narrowed or reordered them. Names are `endpoint-id/model` or `endpoint-id`
 * (every target of that endpoint); a name that is none of the route's targets is refused, naming it.
 */
export function narrowRoute(modelId: string, targets: ResolvedTarget[], preference: RoutePreference): NarrowedRoute {
  const named = [...(preference.only ?? []), ...(preference.ignore ?? []), ...(preference.order ?? [])];
  const unknown = [...new Set(named.filter((name) => !targets.some((resolved) => matches(name, resolved))))];
  if (unknown.length > 0) {
    throw new SwitchboardError(
      'INVALID_INPUT',
      `The request's route preference names ${unknown.map((name) => `"${name}"`).join(', ')}, not a target of ${modelId}; its targets are ${targets.map((resolved) => resolved.target).join(', ')} (a name is "endpoint-id/model" or "endpoint-id").`,
    );
  }
  const isIn = (names: string[] | undefined, resolved: ResolvedTarget) =>
    names !== undefined && names.some((name) => matches(name, resolved));
  const leftOut: ConsideredTarget[] = [];
  const kept = targets.filter((resolved) => {
    if (preference.only && !isIn(preference.only, resolved)) {
      leftOut.push({ target: resolved.target, status: 'left-out', why: 'not in the request\'s "only"' });
      return false;
    }
    if (isIn(preference.ignore, resolved)) {
      leftOut.push({ target: resolved.target, status: 'left-out', why: 'in the request\'s "ignore"' });
      return false;
    }
    return true;
  });
  if (kept.length === 0) {
    throw new SwitchboardError(
      'INVALID_INPUT',
      `The request's route preference leaves no target of ${modelId} to call (${leftOut.map((entry) => `${entry.target}: ${entry.why}`).join('; ')}).`,
    );
  }
  const pinned: string[] = [];
  for (const name of preference.order ?? [])
    for (const resolved of kept)
      if (matches(name, resolved) && !pinned.includes(resolved.target)) pinned.push(resolved.target);
  const words = (['only', 'ignore', 'order'] as const)
    .filter((key) => preference[key] && preference[key].length > 0)
    .map((key) => `${key} ${preference[key]!.join(', ')}`);
  if (preference.strategy) words.push(`strategy ${preference.strategy}`);
  return { targets: kept, pinned, leftOut, narrowed: words.join('; ') || 'nothing changed' };
}
