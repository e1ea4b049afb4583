import type { SwitchboardConfig } from '../../shared/types/config';

export interface ListedModel {
  /** A route name or `endpoint-id/model`. */
  id: string;
  /** The route's name, or the endpoint that serves the model. */
  owner: string;
  isRoute: boolean;
  /** Route targets, in order. */
  targets?: string[];
}

/** The model ids to offer: routes first, then each endpoint's listed and priced models. */
export function listModels(config: SwitchboardConfig): ListedModel[] {
  const routes = Object.entries(config.routes).map(([name, route]) => ({
    id: name,
    owner: name,
    isRoute: true,
    targets: route.targets,
  }));
  const models = config.endpoints.flatMap((endpoint) =>
    [...new Set([...(endpoint.models ?? []), ...Object.keys(endpoint.prices ?? {})])].map((model) => ({
      id: `${endpoint.id}/${model}`,
      owner: endpoint.id,
      isRoute: false,
    })),
  );
  return [...routes, ...models];
}
