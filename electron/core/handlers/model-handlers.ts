import { SwitchboardError } from '../../../shared/errors/codes';
import type { EndpointConfig } from '../../../shared/types/config';
import { endpointModels } from '../../models/endpoint-models';
import { fetchModelList, type ModelListOptions } from '../../models/fetch-model-list';
import { findLocalServers, localServerPortsFromEnv, type LocalServerPorts } from '../../models/local-servers';
import type { Handlers } from '../dispatch';
import type { Services } from '../services';

type ModelHandlers = Pick<Handlers, 'models.catalog' | 'models.refresh' | 'localServers.find'>;

export interface ModelOptions {
  modelList?: ModelListOptions;
  /** Where Ollama and LM Studio are looked for; by default their usual ports, or the environment's (see local-servers.ts). */
  localServers?: { ports?: LocalServerPorts; timeoutMs?: number; fetch?: typeof globalThis.fetch };
}

/** Model lists: fetched from each endpoint's API, kept in the history database, shown with catalog facts. */
export function createModelHandlers(services: Services, options: ModelOptions = {}): ModelHandlers {
  /** The stored key; an endpoint that may need none (a local server) is still asked without a keychain. */
  async function keyOf(endpoint: EndpointConfig): Promise<string | undefined> {
    try {
      return await services.keychain.get(endpoint.id);
    } catch (error) {
      if (endpoint.kind === 'openai-compatible') return undefined;
      throw error;
    }
  }

  return {
    'models.catalog': async () => {
      const lists = new Map(services.store.modelLists.all().map((list) => [list.endpointId, list]));
      return services.readConfig().endpoints.map((endpoint) => endpointModels(endpoint, lists.get(endpoint.id)));
    },
    'models.refresh': async ({ endpointId }) => {
      const endpoint = services.readConfig().endpoints.find((candidate) => candidate.id === endpointId);
      if (!endpoint) {
        throw new SwitchboardError(
          'UNKNOWN_ENDPOINT',
          `There is no endpoint "${endpointId}": add it in Settings first.`,
        );
      }
      const models = await fetchModelList(endpoint, await keyOf(endpoint), options.modelList);
      const list = {
        endpointId,
        kind: endpoint.kind,
        baseURL: endpoint.baseURL ?? null,
        fetchedAt: new Date().toISOString(),
        models,
      };
      services.store.modelLists.put(list);
      return endpointModels(endpoint, list);
    },
    'localServers.find': async () =>
      findLocalServers({
        ports: options.localServers?.ports ?? localServerPortsFromEnv(),
        timeoutMs: options.localServers?.timeoutMs,
        fetch: options.localServers?.fetch,
      }),
  };
}
