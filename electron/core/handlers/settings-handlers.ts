import type { EndpointView, KeyStatus, LocalApiInfo, ModelOption, RouteView } from '../../../shared/contract';
import { SwitchboardError } from '../../../shared/errors/codes';
import type { EndpointConfig, SwitchboardConfig } from '../../../shared/types/config';
import {
  addEndpoint,
  removeEndpoint,
  removeRoute,
  setRouteStrategy,
  upsertEndpoint,
  upsertRoute,
} from '../../config/edit-config';
import { listModels } from '../../config/list-models';
import { pointsAtLocalApi } from '../../config/own-local-api';
import { maskKey } from '../../keychain/mask-key';
import { endpointModels } from '../../models/endpoint-models';
import { fetchModelList, type ModelListOptions } from '../../models/fetch-model-list';
import type { Handlers } from '../dispatch';
import type { Services } from '../services';
import { endpointField, fieldError, renameFields, routeField } from './form-fields';

type SettingsHandlers = Pick<
  Handlers,
  | 'endpoints.list'
  | 'endpoints.add'
  | 'endpoints.save'
  | 'endpoints.remove'
  | 'keys.set'
  | 'keys.remove'
  | 'keys.test'
  | 'models.list'
  | 'routes.list'
  | 'routes.save'
  | 'routes.setStrategy'
  | 'routes.remove'
>;

export interface SettingsOptions {
  /** The local API this process serves, once it runs: no endpoint may point back at it. */
  localApi?: () => LocalApiInfo | null;
  /** How model lists are fetched (tests give a short time limit). */
  modelList?: ModelListOptions;
}

/**
 * Every config change is an edit of the file as it is when the edit runs (`services.editConfig`);
 * keychain work happens before or after it, never between a read and a write.
 */
export function createSettingsHandlers(services: Services, options: SettingsOptions = {}): SettingsHandlers {
  const { keychain } = services;

  /** Refuses a base URL that is Switchboard's own local API: each call would come back in, without end. */
  function refuseLoop(endpoint: EndpointConfig, field: string): void {
    const localApi = options.localApi?.();
    if (!endpoint.baseURL || !localApi || !pointsAtLocalApi(endpoint.baseURL, localApi.apiBase)) return;
    const message = `${endpoint.baseURL} is Switchboard's own local API (${localApi.apiBase}): calls to "${endpoint.id}" would come back into Switchboard without end. Use the provider's own URL (e.g. http://127.0.0.1:11434/v1 for Ollama).`;
    throw new SwitchboardError('INVALID_INPUT', `Base URL ${message}`, { fields: [{ field, message }] });
  }

  /** Adds an endpoint, its key and its model list, or nothing: a failure after the config edit takes it back. */
  async function add(endpoint: EndpointConfig, key: string | undefined, isTested: boolean) {
    refuseLoop(endpoint, 'endpoint.baseURL');
    // Before the network: a taken id is refused at once. The edit refuses it again under the lock.
    addEndpoint(services.readConfig(), endpoint);
    const fetched = isTested
      ? await fetchModelList(endpoint, key, options.modelList).catch((error: unknown) => {
          throw renameFields(error, (field) => (field === 'baseURL' ? 'endpoint.baseURL' : null));
        })
      : null;
    await services
      .editConfig((config) => addEndpoint(config, endpoint))
      .catch((error: unknown) => {
        throw renameFields(error, endpointField('endpoint.'));
      });
    if (key) {
      try {
        await keychain.set(endpoint.id, key);
      } catch (error) {
        await services
          .editConfig((config) => removeEndpoint(config, endpoint.id))
          .catch((undo: unknown) => {
            console.error(`switchboard: could not take endpoint "${endpoint.id}" back after its key failed:`, undo);
          });
        throw fieldError(error, 'key');
      }
    }
    const list = fetched && {
      endpointId: endpoint.id,
      kind: endpoint.kind,
      baseURL: endpoint.baseURL ?? null,
      fetchedAt: new Date().toISOString(),
      models: fetched,
    };
    if (list) services.store.modelLists.put(list);
    return { endpoints: await listEndpoints(), models: endpointModels(endpoint, list ?? undefined) };
  }

  async function listEndpoints(config: SwitchboardConfig = services.readConfig()): Promise<EndpointView[]> {
    // Settings stay usable without a keychain: each endpoint says why its key status is unknown.
    const keyStatus = async (endpointId: string): Promise<KeyStatus> => {
      try {
        return maskKey(await keychain.get(endpointId));
      } catch (error) {
        return { isSet: false, last4: null, problem: (error as Error).message };
      }
    };
    return Promise.all(config.endpoints.map(async (endpoint) => ({ ...endpoint, key: await keyStatus(endpoint.id) })));
  }

  function requireEndpoint(endpointId: string) {
    const endpoint = services.readConfig().endpoints.find((candidate) => candidate.id === endpointId);
    if (!endpoint) {
      throw new SwitchboardError('UNKNOWN_ENDPOINT', `There is no endpoint "${endpointId}": add it in Settings first.`);
    }
    return endpoint;
  }

  const listRoutes = (config: SwitchboardConfig = services.readConfig()): RouteView[] =>
    Object.entries(config.routes).map(([name, route]) => ({ name, ...route }));

  return {
    'routes.list': async () => listRoutes(),
    'routes.save': async ({ name, ...route }) =>
      listRoutes(
        await services
          .editConfig((config) => upsertRoute(config, name, route))
          .catch((error: unknown) => {
            throw renameFields(error, routeField(name));
          }),
      ),
    'routes.setStrategy': async ({ name, strategy, weights }) =>
      listRoutes(
        await services
          .editConfig((config) => setRouteStrategy(config, name, strategy, weights))
          .catch((error: unknown) => {
            throw renameFields(error, routeField(name));
          }),
      ),
    'routes.remove': async ({ name }) => listRoutes(await services.editConfig((config) => removeRoute(config, name))),
    'endpoints.list': async () => listEndpoints(),
    'endpoints.add': async ({ endpoint, key, isTested }) => add(endpoint, key, isTested),
    'endpoints.save': async (endpoint) => {
      refuseLoop(endpoint, 'baseURL');
      const saved = await services
        .editConfig((config) => upsertEndpoint(config, endpoint))
        .catch((error: unknown) => {
          throw renameFields(error, endpointField(''));
        });
      return listEndpoints(saved);
    },
    // The key goes with its endpoint, so no orphaned secret stays behind in the keychain. The endpoint
    // goes first: a route that still uses it refuses the removal, and then the key stays.
    'endpoints.remove': async ({ id }) => {
      await services.editConfig((config) => removeEndpoint(config, id));
      services.store.modelLists.remove(id);
      try {
        await keychain.remove(id);
      } catch (error) {
        // Without a keychain no key can be read either; the endpoint still goes.
        if (!(error instanceof SwitchboardError && error.code === 'KEYCHAIN_UNAVAILABLE')) throw error;
        console.error(`switchboard: removed endpoint "${id}"; its key, if any, stays in the unreachable keychain`);
      }
      return listEndpoints();
    },
    'keys.set': async ({ endpointId, key }) => {
      requireEndpoint(endpointId);
      await keychain.set(endpointId, key);
      return maskKey(key);
    },
    'keys.remove': async ({ endpointId }) => {
      await keychain.remove(endpointId);
      return maskKey(undefined);
    },
    'keys.test': async ({ endpointId, model }) => {
      requireEndpoint(endpointId);
      const modelId = `${endpointId}/${model}`;
      let outcome = { isWorking: false, message: 'No answer.' };
      for await (const part of services.gateway.stream({
        modelId,
        messages: [{ role: 'user', content: 'Reply with one word: ok' }],
        source: 'app',
        sampling: { maxOutputTokens: 16 },
      })) {
        if (part.type === 'finish') outcome = { isWorking: true, message: `${modelId} answered.` };
        if (part.type === 'error') outcome = { isWorking: false, message: part.message };
      }
      return outcome;
    },
    'models.list': async (): Promise<ModelOption[]> =>
      listModels(services.readConfig()).map((model) => ({
        id: model.id,
        label: model.isRoute ? `${model.id} (route: ${model.targets!.join(' → ')})` : model.id,
        isRoute: model.isRoute,
      })),
  };
}
