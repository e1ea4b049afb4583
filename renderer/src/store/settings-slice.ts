import type { StateCreator } from 'zustand';
import { call } from './call';
import type { AppState } from './types';

type SettingsSlice = Pick<
  AppState,
  | 'endpoints'
  | 'models'
  | 'localApi'
  | 'loadSettings'
  | 'loadLocalApi'
  | 'saveEndpoint'
  | 'removeEndpoint'
  | 'setKey'
  | 'removeKey'
  | 'testKey'
>;

export const createSettingsSlice: StateCreator<AppState, [], [], SettingsSlice> = (set, get) => ({
  endpoints: [],
  models: [],
  localApi: null,
  async loadLocalApi() {
    set({ localApi: await call(get, set, 'localApi.info', {}) });
  },
  async loadSettings() {
    const [endpoints, models] = await Promise.all([
      call(get, set, 'endpoints.list', {}),
      call(get, set, 'models.list', {}),
    ]);
    set({ endpoints: endpoints ?? get().endpoints, models: models ?? get().models });
  },
  async saveEndpoint(endpoint) {
    const endpoints = await call(get, set, 'endpoints.save', endpoint);
    if (!endpoints) return false;
    set({ endpoints, notice: { kind: 'info', message: `Saved endpoint ${endpoint.id}.` } });
    await get().loadSettings();
    return true;
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
