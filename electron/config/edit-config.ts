import type {
  BudgetConfig,
  EndpointConfig,
  RouteConfig,
  RouteStrategy,
  SwitchboardConfig,
} from '../../shared/types/config';
import { SwitchboardError } from '../../shared/errors/codes';

/** Adds the endpoint, or replaces the one with its id, keeping the order. */
export function upsertEndpoint(config: SwitchboardConfig, endpoint: EndpointConfig): SwitchboardConfig {
  const index = config.endpoints.findIndex((candidate) => candidate.id === endpoint.id);
  const endpoints = [...config.endpoints];
  if (index === -1) endpoints.push(endpoint);
  else endpoints[index] = endpoint;
  return { ...config, endpoints };
}

/** Adds the endpoint at the end; refuses an id that is taken (`endpoint.id` names the field). */
export function addEndpoint(config: SwitchboardConfig, endpoint: EndpointConfig): SwitchboardConfig {
  if (config.endpoints.some((candidate) => candidate.id === endpoint.id)) {
    const message = `"${endpoint.id}" is already the id of an endpoint: pick another id, or change that endpoint instead`;
    throw new SwitchboardError('INVALID_INPUT', `${message}.`, { fields: [{ field: 'endpoint.id', message }] });
  }
  return { ...config, endpoints: [...config.endpoints, endpoint] };
}

/** Adds the route, or replaces the one with its name. */
export function upsertRoute(config: SwitchboardConfig, name: string, route: RouteConfig): SwitchboardConfig {
  return { ...config, routes: { ...config.routes, [name]: route } };
}

/**
 * Sets a route's strategy and weights on the route as the file has it now, so targets or a cache changed
 * meanwhile (by hand, or from another window) are kept. `ordered` is the default and is written as nothing.
 */
export function setRouteStrategy(
  config: SwitchboardConfig,
  name: string,
  strategy: RouteStrategy,
  weights: Record<string, number> | undefined,
): SwitchboardConfig {
  if (!Object.hasOwn(config.routes, name)) {
    throw new SwitchboardError('UNKNOWN_MODEL', `There is no route "${name}": it was removed; add it again.`);
  }
  const { strategy: _strategy, weights: _weights, ...kept } = config.routes[name]!;
  const route: RouteConfig = {
    ...kept,
    ...(strategy === 'ordered' ? {} : { strategy }),
    ...(weights ? { weights } : {}),
  };
  return { ...config, routes: { ...config.routes, [name]: route } };
}

export function removeRoute(config: SwitchboardConfig, name: string): SwitchboardConfig {
  if (!Object.hasOwn(config.routes, name)) {
    throw new SwitchboardError('UNKNOWN_MODEL', `There is no route "${name}".`);
  }
  const routes = { ...config.routes };
  delete routes[name];
  return { ...config, routes };
}

/** Removes an endpoint; refuses while a route still sends calls to it. */
export function removeEndpoint(config: SwitchboardConfig, id: string): SwitchboardConfig {
  if (!config.endpoints.some((endpoint) => endpoint.id === id)) {
    throw new SwitchboardError('UNKNOWN_ENDPOINT', `There is no endpoint "${id}".`);
  }
  const users = Object.entries(config.routes)
    .filter(([, route]) => route.targets.some((target) => target.startsWith(`${id}/`)))
    .map(([name]) => name);
  if (users.length > 0) {
    throw new SwitchboardError(
      'CONFIG_INVALID',
      `Endpoint "${id}" is still a target of route ${users.map((name) => `"${name}"`).join(', ')}: remove it from those routes in config.json first.`,
    );
  }
  // The endpoint's budget goes with it; its spending stays in the history.
  const { [id]: _removed, ...budgetEndpoints } = config.budgets?.endpoints ?? {};
  const budgets = config.budgets && { ...config.budgets, endpoints: budgetEndpoints };
  return {
    ...config,
    endpoints: config.endpoints.filter((endpoint) => endpoint.id !== id),
    ...(budgets ? { budgets: withoutEmpty(budgets) } : {}),
  };
}

/** Sets the monthly budget over every endpoint (`endpointId` null) or for one endpoint. */
export function setBudget(
  config: SwitchboardConfig,
  endpointId: string | null,
  budget: BudgetConfig,
): SwitchboardConfig {
  if (endpointId !== null && !config.endpoints.some((endpoint) => endpoint.id === endpointId)) {
    throw new SwitchboardError('UNKNOWN_ENDPOINT', `There is no endpoint "${endpointId}" to set a budget for.`);
  }
  const budgets = config.budgets ?? {};
  return {
    ...config,
    budgets:
      endpointId === null
        ? { ...budgets, overall: budget }
        : { ...budgets, endpoints: { ...budgets.endpoints, [endpointId]: budget } },
  };
}

/** Removes a budget; removing one that is not set changes nothing. */
export function removeBudget(config: SwitchboardConfig, endpointId: string | null): SwitchboardConfig {
  if (!config.budgets) return config;
  const { overall, endpoints = {} } = config.budgets;
  const { [endpointId ?? '']: _removed, ...others } = endpoints;
  const budgets = endpointId === null ? { endpoints } : { ...(overall ? { overall } : {}), endpoints: others };
  return { ...config, budgets: withoutEmpty(budgets) };
}

/** Budgets without an empty `endpoints`: a file with no budget left says nothing about budgets. */
function withoutEmpty(budgets: NonNullable<SwitchboardConfig['budgets']>): SwitchboardConfig['budgets'] {
  const { overall, endpoints } = budgets;
  const hasEndpoints = endpoints !== undefined && Object.keys(endpoints).length > 0;
  if (!overall && !hasEndpoints) return undefined;
  return { ...(overall ? { overall } : {}), ...(hasEndpoints ? { endpoints } : {}) };
}
