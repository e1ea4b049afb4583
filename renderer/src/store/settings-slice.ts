import type { StateCreator } from 'zustand';
import { call } from './call';
import type { AppState } from './types';

type SettingsSlice = Pick<
  AppState,
  | 'endpoints'
  | 'models'
  | 'routes'
  | 'localApi'
  | 'loadSettings'
  | 'loadLocalApi'
  | 'saveEndpoint'
  | 'removeEndpoint'
  | 'saveRoute'
  | 'removeRoute'
  | 'setKey'
  | 'removeKey'
  | 'testKey'
>;

export const createSettingsSlice: StateCreator<AppState, [], [], SettingsSlice> = (set, get) => {
  /** After a settings change: say so, and reload what it touches (endpoints, models and routes all hang together). */
  const changed = async (result: unknown, message: string): Promise<boolean> => {
    if (result === null) return false;
    set({ notice: { kind: 'info', message } });
    await get().loadSettings();
    return true;
  };
  return {
    endpoints: [],
    models: [],
    routes: [],
    localApi: null,
    async loadLocalApi() {
      set({ localApi: await call(get, set, 'localApi.info', {}) });
    },
    async loadSettings() {
      const [endpoints, models, routes] = await Promise.all([
        call(get, set, 'endpoints.list', {}),
        call(get, set, 'models.list', {}),
        call(get, set, 'routes.list', {}),
      ]);
      set({
        endpoints: endpoints ?? get().endpoints,
        models: models ?? get().models,
        routes: routes ?? get().routes,
      });
    },
    async saveEndpoint(endpoint) {
      return changed(await call(get, set, 'endpoints.save', endpoint), `Saved endpoint ${endpoint.id}.`);
    },
    async saveRoute(route) {
      return changed(await call(get, set, 'routes.save', route), `Saved route ${route.name}.`);
    },
    async removeRoute(name) {
      await changed(await call(get, set, 'routes.remove', { name }), `Removed route ${name}.`);
    },
    async removeEndpoint(id) {
      const endpoints = await call(get, set, 'endpoints.remove', { id });
      if (endpoints) set({ endpoints, notice: { kind: 'info', message: `Removed endpoint ${id} and its key.` } });
    },
    async setKey(endpointId, key) {
      const status = await call(get, set, 'keys.set', { endpointId, key });
      if (!status) return false;
      set({ notice: { kind: 'info', message: `Stored the key of ${endpointId} in the OS keychain.` } });
      await get().loadSettings();
      return true;
    },
    async removeKey(endpointId) {
      if (await call(get, set, 'keys.remove', { endpointId })) await get().loadSettings();
    },
    async testKey(endpointId, model) {
      return call(get, set, 'keys.test', { endpointId, model });
    },
  };
};
