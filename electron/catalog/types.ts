import type { ModelPrice } from '../../shared/types/config';
import type { CostSource, NormalizedUsage } from '../../shared/types/usage';

export interface CostInput {
  /** The endpoint's kind, to pick the catalog's provider. */
  endpointKind: string;
  /** The endpoint's base URL: names the provider behind an OpenAI-compatible endpoint (Groq, xAI, ...). */
  baseURL?: string;
  /** The model as the target names it (`gpt-4o-mini`, `anthropic/claude-sonnet-4.5`). */
  model: string;
  /** The model the provider said served, when known; tried after `model`. */
  servedModel?: string | null;
  usage: NormalizedUsage;
  /** The endpoint's own prices from config, which win. */
  configPrices?: Record<string, ModelPrice>;
  /** What the provider reported, the last resort. */
  providerCostUSD?: number;
  /** When the call happened, for prices that changed over time. */
  at?: Date;
}

export interface CostResult {
  costUSD: number | null;
  source: CostSource;
}

export type PriceCall = (input: CostInput) => CostResult;
