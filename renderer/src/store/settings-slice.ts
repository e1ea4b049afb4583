import type { StateCreator } from 'zustand';
import type { Result } from '../../../shared/contract';
import { call, request } from './call';
import type { AppState, FormOutcome } from './types';

type SettingsSlice = Pick<
  AppState,
  | 'endpoints'
  | 'isSettingsLoaded'
  | 'models'
  | 'catalog'
  | 'modelLists'
  | 'routes'
  | 'localApi'
  | 'loadSettings'
  | 'loadLocalApi'
  | 'addEndpoint'
  | 'saveEndpoint'
  | 'removeEndpoint'
  | 'saveRoute'
  | 'setRouteStrategy'
  | 'removeRoute'
  | 'setKey'
  | 'removeKey'
  | 'testKey'
  | 'refreshModels'
  | 'findLocalServers'
>;

/** A form's view of a Result: refusals keep the fields they name. */
function toOutcome<T, U>(result: Result<T>, data: (value: T) => U): FormOutcome<U> {
  if (result.ok) return { ok: true, data: data(result.data) };
  return { ok: false, code: result.error.code, message: result.error.message, fields: result.error.fields ?? [] };
}

export const createSettingsSlice: StateCreator<AppState, [], [], SettingsSlice> = (set, get) => {
  /** After a settings change: say so, and reload what it touches (endpoints, models and routes all hang together). */
  const changed = async (message: string) => {
    set({ notice: { kind: 'info', message } });
    await get().loadSettings();
  };
  return {
    endpoints: [],
    isSettingsLoaded: false,
    models: [],
    catalog: [],
    modelLists: {},
    routes: [],
    localApi: null,
    async loadLocalApi() {
      set({ localApi: await call(get, set, 'localApi.info', {}) });
    },
    async loadSettings() {
      const [endpoints, models, routes, catalog] = await Promise.all([
        call(get, set, 'endpoints.list', {}),
        call(get, set, 'models.list', {}),
        call(get, set, 'routes.list', {}),
        call(get, set, 'models.catalog', {}),
      ]);
      set({
        endpoints: endpoints ?? get().endpoints,
        isSettingsLoaded: get().isSettingsLoaded || endpoints !== null,
        models: models ?? get().models,
        routes: routes ?? get().routes,
        catalog: catalog ?? get().catalog,
      });
    },
    async addEndpoint(input) {
      const result = await request(get, 'endpoints.add', input);
      if (result.ok) {
        const count = result.data.models.models.length;
        await changed(`Added endpoint ${input.endpoint.id}${input.isTested ? ` with ${count} models` : ''}.`);
      }
      return toOutcome(result, (added) => added);
    },
    async saveEndpoint(endpoint) {
      const result = await request(get, 'endpoints.save', endpoint);
      if (result.ok) await changed(`Saved endpoint ${endpoint.id}.`);
      return toOutcome(result, () => undefined);
    },
    async saveRoute(route) {
      const result = await request(get, 'routes.save', route);
      if (result.ok) await changed(`Saved route ${route.name}.`);
      return toOutcome(result, () => undefined);
    },
    async setRouteStrategy(input) {
      const result = await request(get, 'routes.setStrategy', input);
      if (result.ok) await changed(`Saved the strategy of route ${input.name}.`);
      return toOutcome(result, () => undefined);
    },
    async removeRoute(name) {
      if (await call(get, set, 'routes.remove', { name })) await changed(`Removed route ${name}.`);
    },
    async removeEndpoint(id) {
      if (await call(get, set, 'endpoints.remove', { id })) await changed(`Removed endpoint ${id} and its key.`);
    },
    async setKey(endpointId, key) {
      const status = await call(get, set, 'keys.set', { endpointId, key });
      if (!status) return false;
      await changed(`Stored the key of ${endpointId} in the OS keychain.`);
      // A new key may open the endpoint's model list.
      void get().refreshModels(endpointId);
      return true;
    },
    async removeKey(endpointId) {
      if (await call(get, set, 'keys.remove', { endpointId })) await get().loadSettings();
    },
    async testKey(endpointId, model) {
      return call(get, set, 'keys.test', { endpointId, model });
    },
    async refreshModels(endpointId) {
      const listState = (state: AppState['modelLists'][string]) =>
        set({ modelLists: { ...get().modelLists, [endpointId]: state } });
      listState({ isRefreshing: true, problem: get().modelLists[endpointId]?.problem ?? null });
      const result = await request(get, 'models.refresh', { endpointId });
      if (!result.ok) {
        listState({ isRefreshing: false, problem: result.error.message });
        return;
      }
      const catalog = get().catalog;
      set({
        catalog: catalog.some((entry) => entry.endpointId === endpointId)
          ? catalog.map((entry) => (entry.endpointId === endpointId ? result.data : entry))
          : [...catalog, result.data],
      });
      listState({ isRefreshing: false, problem: null });
    },
    async findLocalServers() {
      return (await call(get, set, 'localServers.find', {})) ?? [];
    },
  };
};
