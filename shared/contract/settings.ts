import { z } from 'zod';
import {
  endpointIdSchema,
  endpointSchema,
  routeNameSchema,
  checkRouteStrategy,
  routeObjectSchema,
  routeStrategies,
  type EndpointConfig,
  type ModelPrice,
  type RouteConfig,
} from '../types/config';
import { route } from './define';

/** What the renderer may know of a key: whether it is set and its last four characters. */
export interface KeyStatus {
  isSet: boolean;
  last4: string | null;
  /** Set when the keychain could not be asked: the status is then unknown, not "no key". */
  problem?: string;
}

export type EndpointView = EndpointConfig & { key: KeyStatus };

/** A route by name: targets tried in order, and its cache when it keeps answers. */
export type RouteView = RouteConfig & { name: string };

/** Where other tools reach Switchboard's routes: an OpenAI-compatible base URL and its key. */
export interface LocalApiInfo {
  apiBase: string;
  /** The local API's own key (not a provider key): tools send it as their API key. */
  token: string;
}

/** A model id the user can pick: a route name or `endpoint-id/model`. */
export interface ModelOption {
  id: string;
  label: string;
  isRoute: boolean;
}

/** Where a model's price comes from: the endpoint's own prices win, then the bundled catalog, then its model list. */
export type PriceSource = 'config' | 'catalog' | 'list';

/** A model of an endpoint as the pickers show it. */
export interface CatalogModel {
  /** What a chat sends: `endpoint-id/model`. */
  id: string;
  /** The name at the endpoint. */
  model: string;
  /** A display name from the catalog or the endpoint's list, when it differs from the model. */
  name: string | null;
  /** Tokens of context, from the catalog or the endpoint's list; null when unknown. */
  contextWindow: number | null;
  /** USD per million tokens; null when unknown. */
  price: ModelPrice | null;
  priceSource: PriceSource | null;
  /** In the endpoint's fetched model list (else only named in its settings). */
  isFetched: boolean;
}

/** An endpoint's models: its fetched list and the ones its settings name. */
export interface EndpointModels {
  endpointId: string;
  /** When its model list was last fetched (UTC ISO); null when never, or fetched from another address. */
  fetchedAt: string | null;
  models: CatalogModel[];
}

/** Ollama or LM Studio, found answering on this machine. */
export interface LocalServer {
  preset: 'ollama' | 'lmstudio';
  name: string;
  /** Its OpenAI-compatible base URL (`http://127.0.0.1:11434/v1`). */
  baseURL: string;
  models: string[];
}

export interface AddedEndpoint {
  endpoints: EndpointView[];
  /** The new endpoint's models (its fetched list when it was tested). */
  models: EndpointModels;
}

export const settingsRoutes = {
  /** Every configured endpoint with its key status. */
  'endpoints.list': route<EndpointView[]>()(z.object({})),
  /**
   * Adds an endpoint; an id already in use is refused. With `key`, the key goes to the OS keychain. With
   * `isTested`, the endpoint's model list is fetched first (which tests the key) and nothing is saved
   * unless it comes; the list is then kept. Refusals name the field: `endpoint.id`, `endpoint.baseURL`, `key`.
   */
  'endpoints.add': route<AddedEndpoint>()(
    z.object({
      endpoint: endpointSchema,
      key: z.string().trim().min(1, 'the key is empty').optional(),
      isTested: z.boolean().default(false),
    }),
  ),
  /** Replaces the endpoint with this id, as Settings' editor changes it (or adds it when there is none). */
  'endpoints.save': route<EndpointView[]>()(endpointSchema),
  'endpoints.remove': route<EndpointView[]>()(z.object({ id: endpointIdSchema })),
  /** Stores a key in the OS keychain; the key never comes back. */
  'keys.set': route<KeyStatus>()(
    z.object({ endpointId: endpointIdSchema, key: z.string().trim().min(1, 'the key is empty') }),
  ),
  'keys.remove': route<KeyStatus>()(z.object({ endpointId: endpointIdSchema })),
  /** Sends a one-word prompt to the model with the stored key. */
  'keys.test': route<{ isWorking: boolean; message: string }>()(
    z.object({ endpointId: endpointIdSchema, model: z.string().min(1) }),
  ),
  /** Routes and every endpoint's listed and priced model ids. */
  'models.list': route<ModelOption[]>()(z.object({})),
  /** Each endpoint's models with context windows and prices (its settings, then the catalog, then its list). */
  'models.catalog': route<EndpointModels[]>()(z.object({})),
  /** Fetches an endpoint's model list again with its stored key, and keeps it. */
  'models.refresh': route<EndpointModels>()(z.object({ endpointId: endpointIdSchema })),
  /** Ollama and LM Studio answering on this machine's usual ports (a quick look, under a second). */
  'localServers.find': route<LocalServer[]>()(z.object({})),
  /** Every route in config.json, in its order. */
  'routes.list': route<RouteView[]>()(z.object({})),
  /** Adds a route, or replaces the one with the same name; its targets must name known endpoints. */
  'routes.save': route<RouteView[]>()(
    routeObjectSchema.extend({ name: routeNameSchema }).superRefine(checkRouteStrategy),
  ),
  /**
   * Sets a route's strategy (and, for `weighted`, a weight per target) on the route as config.json has it
   * now, keeping its targets and cache. Refusals name `strategy`, `weights` or `weights.<target>`.
   */
  'routes.setStrategy': route<RouteView[]>()(
    z.object({
      name: routeNameSchema,
      strategy: z.enum(routeStrategies),
      weights: routeObjectSchema.shape.weights,
    }),
  ),
  'routes.remove': route<RouteView[]>()(z.object({ name: routeNameSchema })),
  /** The local OpenAI-compatible API this app serves; null when it is not running. */
  'localApi.info': route<LocalApiInfo | null>()(z.object({})),
};
