import type { ModelPrice } from '../../shared/types/config';
import type { NormalizedUsage } from '../../shared/types/usage';

/**
 * Cost in USD from per-million rates. Cache rates the user did not give are charged at the
 * input rate: an overestimate is safer than a made-up discount.
 */
export function costFromRates(price: ModelPrice, usage: NormalizedUsage): number {
  const uncached = Math.max(0, usage.inputTokens - usage.cacheReadTokens - usage.cacheWriteTokens);
  const total =
    uncached * price.input +
    usage.cacheReadTokens * (price.cacheRead ?? price.input) +
    usage.cacheWriteTokens * (price.cacheWrite ?? price.input) +
    usage.outputTokens * price.output;
  return total / 1_000_000;
}
