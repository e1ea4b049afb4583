import type { SwitchboardConfig } from '../../shared/types/config';

export interface ConfigProblem {
  path: (string | number)[];
  message: string;
}

/** What the schema cannot see: duplicate endpoint ids, and routes or budgets that name unknown endpoints. */
export function checkReferences(config: SwitchboardConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const ids = new Set<string>();
  config.endpoints.forEach((endpoint, index) => {
    if (ids.has(endpoint.id)) {
      problems.push({
        path: ['endpoints', index, 'id'],
        message: `"${endpoint.id}" is used by another endpoint; give each endpoint its own id`,
      });
    }
    ids.add(endpoint.id);
  });
  for (const [name, route] of Object.entries(config.routes)) {
    if (ids.has(name)) {
      problems.push({ path: ['routes', name], message: `"${name}" is also an endpoint id; rename the route` });
    }
    route.targets.forEach((target, index) => {
      const endpointId = target.slice(0, target.indexOf('/'));
      if (!ids.has(endpointId)) {
        const known = [...ids].join(', ') || 'none yet';
        problems.push({
          path: ['routes', name, 'targets', index],
          message: `"${target}" names endpoint "${endpointId}", which is not in "endpoints" (known: ${known})`,
        });
      }
    });
  }
  for (const endpointId of Object.keys(config.budgets?.endpoints ?? {})) {
    if (!ids.has(endpointId)) {
      problems.push({
        path: ['budgets', 'endpoints', endpointId],
        message: `a budget for endpoint "${endpointId}", which is not in "endpoints": remove this budget`,
      });
    }
  }
  return problems;
}
