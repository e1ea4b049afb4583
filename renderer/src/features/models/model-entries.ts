import type { EndpointView, ModelOption, RouteView } from '../../../../shared/contract';
import type { ModelPrice } from '../../../../shared/types/config';

/** One model the picker offers. */
export interface ModelEntry {
  /** What the chat sends: a route name or `endpoint-id/model`. */
  id: string;
  /** A route's targets, or the model's price per million tokens when the config has one. */
  detail: string | null;
}

export interface ModelGroup {
  heading: string;
  entries: ModelEntry[];
}

const dollars = new Intl.NumberFormat('en-US', {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 4,
});

/** `$0.15 in · $0.60 out per 1M tokens`. */
export function formatPrice(price: ModelPrice): string {
  const usd = (value: number) => dollars.format(value);
  return `${usd(price.input)} in · ${usd(price.output)} out per 1M tokens`;
}

/**
 * The picker's groups: recents and favourites first (when there are any), then routes, then each
 * endpoint's models (the ones the core lists, plus the config's listed and priced ones).
 */
export function modelGroups(input: {
  models: ModelOption[];
  endpoints: EndpointView[];
  routes: RouteView[];
  recents: string[];
  favourites: string[];
}): ModelGroup[] {
  const details = new Map<string, string | null>();
  for (const route of input.routes) details.set(route.name, `route: ${route.targets.join(' → ')}`);
  const byEndpoint = new Map<string, string[]>(input.endpoints.map((endpoint) => [endpoint.id, []]));
  const add = (id: string) => {
    if (details.has(id) && !byEndpoint.has(id.slice(0, id.indexOf('/')))) return;
    const slash = id.indexOf('/');
    if (slash < 0) return;
    const endpointId = id.slice(0, slash);
    const list = byEndpoint.get(endpointId) ?? [];
    if (!list.includes(id)) list.push(id);
    byEndpoint.set(endpointId, list);
    const price = input.endpoints.find((endpoint) => endpoint.id === endpointId)?.prices?.[id.slice(slash + 1)];
    details.set(id, price ? formatPrice(price) : null);
  };
  for (const model of input.models) if (!model.isRoute) add(model.id);
  for (const endpoint of input.endpoints) {
    for (const model of [...(endpoint.models ?? []), ...Object.keys(endpoint.prices ?? {})])
      add(`${endpoint.id}/${model}`);
  }
  const routeIds = [
    ...input.routes.map((route) => route.name),
    ...input.models.filter((model) => model.isRoute).map((model) => model.id),
  ];
  const entry = (id: string): ModelEntry => ({ id, detail: details.get(id) ?? null });
  const groups: ModelGroup[] = [
    { heading: 'Favourites', entries: input.favourites.map(entry) },
    { heading: 'Recent', entries: input.recents.map(entry) },
    { heading: 'Routes', entries: [...new Set(routeIds)].map(entry) },
    ...[...byEndpoint].map(([endpointId, ids]) => ({ heading: `Endpoint ${endpointId}`, entries: ids.map(entry) })),
  ];
  return groups.filter((group) => group.entries.length > 0);
}
