import { z } from 'zod';
import {
  endpointIdSchema,
  endpointSchema,
  routeNameSchema,
  routeSchema,
  type EndpointConfig,
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

export const settingsRoutes = {
  /** Every configured endpoint with its key status. */
  'endpoints.list': route<EndpointView[]>()(z.object({})),
  /** Adds an endpoint, or replaces the one with the same id. */
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
  'models.list': route<ModelOption[]>()(z.object({})),
  /** Every route in config.json, in its order. */
  'routes.list': route<RouteView[]>()(z.object({})),
  /** Adds a route, or replaces the one with the same name; its targets must name known endpoints. */
  'routes.save': route<RouteView[]>()(routeSchema.extend({ name: routeNameSchema })),
  'routes.remove': route<RouteView[]>()(z.object({ name: routeNameSchema })),
  /** The local OpenAI-compatible API this app serves; null when it is not running. */
  'localApi.info': route<LocalApiInfo | null>()(z.object({})),
};
