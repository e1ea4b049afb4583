import type { CatalogModel, EndpointModels, ModelOption, RouteView } from '../../../../shared/contract';
import type { ModelPrice } from '../../../../shared/types/config';

/** One model the picker offers. */
export interface ModelEntry {
  /** What the chat sends: a route name or `endpoint-id/model`. */
  id: string;
  /** A route's targets, or the model's price per million tokens and context window where known. */
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

/** `8.2K context`, `128K context`, `1M context`: tokens a model takes in, to two figures or so. */
export function formatContext(tokens: number): string {
  const [value, unit] = tokens >= 1_000_000 ? [tokens / 1_000_000, 'M'] : [tokens / 1000, 'K'];
  return `${Number(value.toFixed(value < 10 ? 1 : 0))}${unit} context`;
}

/** What the picker says of a model: its price and context window, where known. */
export function modelDetail(model: Pick<CatalogModel, 'price' | 'contextWindow'>): string | null {
  const parts = [
    model.price && formatPrice(model.price),
    model.contextWindow !== null && formatContext(model.contextWindow),
  ].filter((part): part is string => typeof part === 'string');
  return parts.length > 0 ? parts.join(' · ') : null;
}

/**
 * The picker's groups: favourites and recents first (when there are any), then routes, then each
 * endpoint's models: its settings' and its fetched list's, with prices and context windows.
 */
export function modelGroups(input: {
  models: ModelOption[];
  catalog: EndpointModels[];
  routes: RouteView[];
  recents: string[];
  favourites: string[];
}): ModelGroup[] {
  const details = new Map<string, string | null>();
  for (const route of input.routes) details.set(route.name, `route: ${route.targets.join(' → ')}`);
  for (const endpoint of input.catalog) {
    for (const model of endpoint.models) details.set(model.id, modelDetail(model));
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
    ...input.catalog.map((endpoint) => ({
      heading: `Endpoint ${endpoint.endpointId}`,
      entries: endpoint.models.map((model) => entry(model.id)),
    })),
  ];
  return groups.filter((group) => group.entries.length > 0);
}
