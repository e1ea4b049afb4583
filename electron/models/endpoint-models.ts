import type { CatalogModel, EndpointModels, PriceSource } from '../../shared/contract/settings';
import type { EndpointConfig, ModelPrice } from '../../shared/types/config';
import { catalogFacts } from '../catalog/model-facts';
import type { CachedModelList, FetchedModel } from './types';

/** A list fetched from another kind or address than the endpoint's now is stale. */
export function isCurrentList(endpoint: EndpointConfig, list: CachedModelList | undefined): list is CachedModelList {
  return list !== undefined && list.kind === endpoint.kind && list.baseURL === (endpoint.baseURL ?? null);
}

function priced(
  configPrice: ModelPrice | undefined,
  catalogPrice: ModelPrice | undefined,
  listPrice: ModelPrice | undefined,
): { price: ModelPrice | null; priceSource: PriceSource | null } {
  if (configPrice) return { price: configPrice, priceSource: 'config' };
  if (catalogPrice) return { price: catalogPrice, priceSource: 'catalog' };
  if (listPrice) return { price: listPrice, priceSource: 'list' };
  return { price: null, priceSource: null };
}

/**
 * An endpoint's models as the pickers show them: the ones its settings name, then its fetched list, each
 * with a context window and a price per million tokens where known. Prices follow billing's order (its
 * own prices, then the bundled catalog), then the endpoint's list (OpenRouter, Vercel).
 */
export function endpointModels(endpoint: EndpointConfig, cached: CachedModelList | undefined): EndpointModels {
  const list = isCurrentList(endpoint, cached) ? cached : undefined;
  const fetched = new Map<string, FetchedModel>((list?.models ?? []).map((model) => [model.model, model]));
  const prices = endpoint.prices ?? {};
  const names = [...new Set([...(endpoint.models ?? []), ...Object.keys(prices), ...fetched.keys()])];
  const models = names.map((model): CatalogModel => {
    const listed = fetched.get(model);
    const facts = catalogFacts({ endpointKind: endpoint.kind, baseURL: endpoint.baseURL, model });
    // Own keys only: a model named "constructor" has no price from Object.prototype.
    const configPrice = Object.hasOwn(prices, model) ? prices[model] : undefined;
    return {
      id: `${endpoint.id}/${model}`,
      model,
      name: listed?.name ?? null,
      contextWindow: facts?.contextWindow ?? listed?.contextWindow ?? null,
      ...priced(configPrice, facts?.price, listed?.price),
      isFetched: listed !== undefined,
    };
  });
  return { endpointId: endpoint.id, fetchedAt: list?.fetchedAt ?? null, models };
}
