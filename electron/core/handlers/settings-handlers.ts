import type { EndpointView, KeyStatus, LocalApiInfo, ModelOption, RouteView } from '../../../shared/contract';
import { SwitchboardError } from '../../../shared/errors/codes';
import type { EndpointConfig, SwitchboardConfig } from '../../../shared/types/config';
import { removeEndpoint, removeRoute, upsertEndpoint, upsertRoute } from '../../config/edit-config';
import { listModels } from '../../config/list-models';
import { pointsAtLocalApi } from '../../config/own-local-api';
import { maskKey } from '../../keychain/mask-key';
import type { Handlers } from '../dispatch';
import type { Services } from '../services';

type SettingsHandlers = Pick<
  Handlers,
  | 'endpoints.list'
  | 'endpoints.save'
  | 'endpoints.remove'
  | 'keys.set'
  | 'keys.remove'
  | 'keys.test'
  | 'models.list'
  | 'routes.list'
  | 'routes.save'
  | 'routes.remove'
>;

export interface SettingsOptions {
  /** The local API this process serves, once it runs: no endpoint may point back at it. */
  localApi?: () => LocalApiInfo | null;
}

/**
 * Every config change is an edit of the file as it is when the edit runs (`services.editConfig`);
 * keychain work happens before or after it, never between a read and a write.
 */
export function createSettingsHandlers(services: Services, options: SettingsOptions = {}): SettingsHandlers {
  const { keychain } = services;

  /** Refuses a base URL that is Switchboard's own local API: each call would come back in, without end. */
  function refuseLoop(endpoint: EndpointConfig): void {
    const localApi = options.localApi?.();
    if (!endpoint.baseURL || !localApi || !pointsAtLocalApi(endpoint.baseURL, localApi.apiBase)) return;
    throw new SwitchboardError(
      'INVALID_INPUT',
      `Base URL ${endpoint.baseURL} is Switchboard's own local API (${localApi.apiBase}): calls to "${endpoint.id}" would come back into Switchboard without end. Use the provider's own URL (e.g. http://127.0.0.1:11434/v1 for Ollama).`,
    );
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
      listRoutes(await services.editConfig((config) => upsertRoute(config, name, route))),
    'routes.remove': async ({ name }) => listRoutes(await services.editConfig((config) => removeRoute(config, name))),
    'endpoints.list': async () => listEndpoints(),
    'endpoints.save': async (endpoint) => {
      refuseLoop(endpoint);
      return listEndpoints(await services.editConfig((config) => upsertEndpoint(config, endpoint)));
    },
    // The key goes with its endpoint, so no orphaned secret stays behind in the keychain. The endpoint
    // goes first: a route that still uses it refuses the removal, and then the key stays.
    'endpoints.remove': async ({ id }) => {
      await services.editConfig((config) => removeEndpoint(config, id));
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
