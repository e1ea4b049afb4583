import type { LanguageModelV4 } from '@ai-sdk/provider';
import type { EndpointConfig } from '../../shared/types/config';
import { createLanguageModel } from './language-model';
import type { ProviderTarget } from './types';

/** Models kept per endpoint; beyond it the endpoint's models are built afresh (a key rotated many times). */
const maxModelsPerEndpoint = 64;

/**
 * The AI SDK model of a target, built once per endpoint, model and key instead of on every call (each build
 * makes a provider and its schemas). Keyed on the endpoint object itself: a changed config is a new object,
 * so an edited base URL or kind is never served by a stale model, and the old ones go with the old config.
 * Keys stay in this process's memory.
 */
export function createModelCache(baseFetch?: typeof globalThis.fetch) {
  const byEndpoint = new WeakMap<EndpointConfig, Map<string, LanguageModelV4>>();
  return (target: ProviderTarget): LanguageModelV4 => {
    let models = byEndpoint.get(target.endpoint);
    if (!models) byEndpoint.set(target.endpoint, (models = new Map()));
    const id = `${target.model}\u0000${target.apiKey ?? ''}`;
    let model = models.get(id);
    if (!model) {
      if (models.size >= maxModelsPerEndpoint) models.clear();
      model = createLanguageModel(target, baseFetch);
      models.set(id, model);
    }
    return model;
  };
}
