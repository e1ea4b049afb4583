import type { SwitchboardConfig } from '../../shared/types/config';
import { SwitchboardError } from '../../shared/errors/codes';
import type { Resolution, ResolvedTarget } from '../gateway/types';

function resolveTarget(config: SwitchboardConfig, modelId: string): ResolvedTarget {
  const slash = modelId.indexOf('/');
  const endpointId = modelId.slice(0, slash);
  const model = modelId.slice(slash + 1);
  const endpoint = config.endpoints.find((candidate) => candidate.id === endpointId);
  if (!endpoint) {
    const known =
      config.endpoints.map((candidate) => candidate.id).join(', ') || 'none yet: add one in Settings or config.json';
    throw new SwitchboardError(
      'UNKNOWN_ENDPOINT',
      `Unknown endpoint "${endpointId}" in model id "${modelId}". Endpoints: ${known}.`,
    );
  }
  if (model.length === 0) {
    throw new SwitchboardError('UNKNOWN_MODEL', `"${modelId}" names no model: write it as "${endpointId}/<model>".`);
  }
  return { endpoint, model, target: `${endpointId}/${model}` };
}

/**
 * The targets a model id stands for: a route's targets in order, or the one `endpoint-id/model`
 * (split at the first "/", so `or/anthropic/claude-sonnet-4.5` is model `anthropic/claude-sonnet-4.5` at `or`).
 */
export function resolveModelId(config: SwitchboardConfig, modelId: string): Resolution {
  // Own names only: "constructor" or "__proto__" must not find Object.prototype's members.
  const route = Object.hasOwn(config.routes, modelId) ? config.routes[modelId] : undefined;
  if (route) {
    const targets = route.targets.map((target) => resolveTarget(config, target));
    const routing = { name: modelId, strategy: route.strategy ?? 'ordered', weights: route.weights };
    return route.cache ? { targets, cacheTtlMs: route.cache.ttlSeconds * 1000, routing } : { targets, routing };
  }
  if (!modelId.includes('/')) {
    const routes = Object.keys(config.routes).join(', ') || 'none';
    throw new SwitchboardError(
      'UNKNOWN_MODEL',
      `Unknown model "${modelId}": use "endpoint-id/model" (e.g. "work-openai/gpt-4o-mini") or a route name (routes: ${routes}).`,
    );
  }
  return { targets: [resolveTarget(config, modelId)] };
}
