import type { ModelPrice } from '../../shared/types/config';

/** One model as an endpoint's own model list names it, with what the list says about it. */
export interface FetchedModel {
  /** The name calls use (`gpt-4o-mini`, `anthropic/claude-sonnet-4.5`, `llama3.2:latest`). */
  model: string;
  /** A display name, when the list gives one. */
  name?: string;
  /** Tokens of context, when the list gives it (Gemini, OpenRouter, Vercel). */
  contextWindow?: number;
  /** USD per million tokens, when the list gives prices (OpenRouter, Vercel). */
  price?: ModelPrice;
}

/** An endpoint's model list as last fetched, kept in the history database. */
export interface CachedModelList {
  endpointId: string;
  /** The kind and base URL it was fetched from: a list from another address is stale. */
  kind: string;
  baseURL: string | null;
  /** UTC ISO time. */
  fetchedAt: string;
  models: FetchedModel[];
}
