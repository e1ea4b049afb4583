import type { EndpointView, KeyStatus, ModelOption, RouteView } from '../../../shared/contract';
import { SwitchboardError } from '../../../shared/errors/codes';
import { removeEndpoint, removeRoute, upsertEndpoint, upsertRoute } from '../../config/edit-config';
import { listModels } from '../../config/list-models';
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

export function createSettingsHandlers(services: Services): SettingsHandlers {
  const { keychain } = services;

  async function listEndpoints(): Promise<EndpointView[]> {
    const config = services.readConfig();
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

  const listRoutes = (): RouteView[] =>
    Object.entries(services.readConfig().routes).map(([name, route]) => ({ name, ...route }));

  return {
    'routes.list': async () => listRoutes(),
    'routes.save': async ({ name, ...route }) => {
      services.writeConfig(upsertRoute(services.readConfig(), name, route));
      return listRoutes();
    },
    'routes.remove': async ({ name }) => {
      services.writeConfig(removeRoute(services.readConfig(), name));
      return listRoutes();
    },
    'endpoints.list': listEndpoints,
    'endpoints.save': async (endpoint) => {
      services.writeConfig(upsertEndpoint(services.readConfig(), endpoint));
      return listEndpoints();
    },
    // The key goes with its endpoint, so no orphaned secret stays behind in the keychain.
    'endpoints.remove': async ({ id }) => {
      const { config } = removeEndpoint(services.readConfig(), id);
      try {
        await keychain.remove(id);
      } catch (error) {
        // Without a keychain no key can be read either; the endpoint still goes.
        if (!(error instanceof SwitchboardError && error.code === 'KEYCHAIN_UNAVAILABLE')) throw error;
        console.error(`switchboard: removed endpoint "${id}"; its key, if any, stays in the unreachable keychain`);
      }
      services.writeConfig(config);
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
