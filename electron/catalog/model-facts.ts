import { calcPrice, type ModelPrice as CatalogPrice } from '@pydantic/genai-prices';
import type { ModelPrice } from '../../shared/types/config';
import { catalogLookups } from './pricer';

/** What the bundled catalog knows of a model at an endpoint. */
export interface ModelFacts {
  name?: string;
  /** Tokens of context. */
  contextWindow?: number;
  /** USD per million tokens today (the first tier where prices grow with the prompt). */
  price?: ModelPrice;
}

/** A rate as the catalog writes it: a number, or tiers whose base applies to ordinary prompts. */
function rate(price: CatalogPrice, key: string): number | undefined {
  const value = price[key];
  if (typeof value === 'number') return value;
  return value && typeof value === 'object' && typeof value.base === 'number' ? value.base : undefined;
}

function toPrice(price: CatalogPrice): ModelPrice | undefined {
  const input = rate(price, 'input_mtok');
  const output = rate(price, 'output_mtok');
  if (input === undefined || output === undefined) return undefined;
  const cacheRead = rate(price, 'cache_read_mtok');
  const cacheWrite = rate(price, 'cache_write_mtok');
  return {
    input,
    output,
    ...(cacheRead !== undefined ? { cacheRead } : {}),
    ...(cacheWrite !== undefined ? { cacheWrite } : {}),
  };
}

const known = new Map<string, ModelFacts | null>();

/**
 * The catalog's name, context window and prices for a model, looked up as calls are priced (the
 * endpoint's provider, a Vercel `vendor/model`, the provider behind a base URL); null when it is not
 * there. Offline and unchanging while the app runs, so each answer is kept.
 */
export function catalogFacts(input: { endpointKind: string; baseURL?: string; model: string }): ModelFacts | null {
  const key = JSON.stringify([input.endpointKind, input.baseURL ?? '', input.model]);
  if (known.has(key)) return known.get(key)!;
  let facts: ModelFacts | null = null;
  for (const lookup of catalogLookups(input, input.model)) {
    try {
      const found = calcPrice({ input_tokens: 0, output_tokens: 0 }, lookup.model, lookup.options);
      if (!found) continue;
      const price = toPrice(found.model_price);
      facts = {
        ...(found.model.name ? { name: found.model.name } : {}),
        ...(found.model.context_window ? { contextWindow: found.model.context_window } : {}),
        ...(price ? { price } : {}),
      };
      break;
    } catch {
      // An unknown provider id is a miss, not a failure.
    }
  }
  known.set(key, facts);
  return facts;
}
