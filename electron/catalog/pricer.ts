import { calcPrice, type PriceOptions } from '@pydantic/genai-prices';
import type { NormalizedUsage } from '../../shared/types/usage';
import { costFromRates } from './config-price';
import type { CostInput, CostResult, PriceCall } from './types';

const catalogProviders: Record<string, string> = {
  openai: 'openai',
  anthropic: 'anthropic',
  google: 'google',
  openrouter: 'openrouter',
};

/** The catalog's lookups to try for a model at an endpoint, most specific first. */
export function catalogLookups(
  input: Pick<CostInput, 'endpointKind' | 'baseURL' | 'at'>,
  model: string,
): Array<{ model: string; options?: PriceOptions }> {
  const at = input.at ? { timestamp: input.at } : {};
  const providerId = catalogProviders[input.endpointKind];
  if (providerId) return [{ model, options: { providerId, ...at } }];
  const tries: Array<{ model: string; options?: PriceOptions }> = [];
  if (input.endpointKind === 'vercel' && model.includes('/')) {
    // The gateway names models `vendor/model`, priced as the vendor prices them.
    const [vendor, ...rest] = model.split('/');
    tries.push({ model: rest.join('/'), options: { providerId: vendor === 'xai' ? 'x-ai' : vendor!, ...at } });
  }
  if (input.baseURL) tries.push({ model, options: { providerApiUrl: input.baseURL, ...at } });
  tries.push({ model, options: at });
  return tries;
}

/**
 * Models the bundled catalog has no price for, by endpoint: the catalog never changes while the app runs, so a
 * miss is looked up once, not on every call (each lookup tries several providers). Bounded: cleared when full.
 */
const catalogMisses = new Set<string>();
const maxMisses = 1000;

function catalogCost(input: CostInput, usage: NormalizedUsage): number | null {
  // Prices at a given time (a re-pricing of old rows) are looked up every time.
  const missKey = input.at
    ? undefined
    : `${input.endpointKind}\n${input.baseURL ?? ''}\n${input.model}\n${input.servedModel ?? ''}`;
  if (missKey !== undefined && catalogMisses.has(missKey)) return null;
  // genai-prices counts the whole prompt as input_tokens, cache included, like NormalizedUsage.
  const catalogUsage = {
    input_tokens: usage.inputTokens,
    cache_read_tokens: usage.cacheReadTokens,
    cache_write_tokens: usage.cacheWriteTokens,
    output_tokens: usage.outputTokens,
  };
  const models = [input.model, input.servedModel].filter(
    (model): model is string => typeof model === 'string' && model.length > 0,
  );
  for (const model of models) {
    for (const lookup of catalogLookups(input, model)) {
      try {
        const result = calcPrice(catalogUsage, lookup.model, lookup.options);
        if (result) return result.total_price;
      } catch {
        // An unknown provider id is a miss, not a failure.
      }
    }
  }
  if (missKey !== undefined) {
    if (catalogMisses.size >= maxMisses) catalogMisses.clear();
    catalogMisses.add(missKey);
  }
  return null;
}

/**
 * Prices a call: the user's config prices, else the bundled catalog (offline; never updated
 * from the network), else what the provider reported, else unknown (null, never 0).
 */
export function createPricer(): PriceCall {
  return (input: CostInput): CostResult => {
    // Own keys only: a model named "constructor" must not be priced by Object.prototype's member.
    const own = (model: string | null | undefined) =>
      model && input.configPrices && Object.hasOwn(input.configPrices, model) ? input.configPrices[model] : undefined;
    const configPrice = own(input.model) ?? own(input.servedModel);
    if (configPrice) return { costUSD: costFromRates(configPrice, input.usage), source: 'config' };
    const catalog = catalogCost(input, input.usage);
    if (catalog !== null) return { costUSD: catalog, source: 'catalog' };
    if (input.providerCostUSD !== undefined) return { costUSD: input.providerCostUSD, source: 'provider' };
    return { costUSD: null, source: 'unknown' };
  };
}
