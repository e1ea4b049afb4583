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

export const createSettingsSlice: StateCreator<AppState, [], [], SettingsSlice> = (set, get) => ({
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
    const endpoints = await call(get, set, 'endpoints.save', endpoint);
    if (!endpoints) return false;
    set({ endpoints, notice: { kind: 'info', message: `Saved endpoint ${endpoint.id}.` } });
    await get().loadSettings();
    return true;
  },
  async saveRoute(route) {
    const routes = await call(get, set, 'routes.save', route);
    if (!routes) return false;
    set({ routes, notice: { kind: 'info', message: `Saved route ${route.name}.` } });
    await get().loadSettings();
    return true;
  },
  async removeRoute(name) {
    const routes = await call(get, set, 'routes.remove', { name });
    if (!routes) return;
    set({ routes, notice: { kind: 'info', message: `Removed route ${name}.` } });
    await get().loadSettings();
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
});
