import type { EndpointConfig, RouteConfig, SwitchboardConfig } from '../../shared/types/config';
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
  return { ...config, endpoints: config.endpoints.filter((endpoint) => endpoint.id !== id) };
}
