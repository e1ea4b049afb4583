import type { ServerResponse } from 'node:http';
import type { SwitchboardConfig } from '../../shared/types/config';
import { listModels, type ListedModel } from '../config/list-models';
import { resolveModelId } from '../config/resolve-model-id';
import type { Services } from '../core/services';
import { sendApiError, sendJson } from './send-json';

function toModel(model: ListedModel) {
  return { id: model.id, object: 'model', created: 0, owned_by: model.isRoute ? 'switchboard-route' : model.owner };
}

/** The config, or undefined when it cannot be read (and the failure was answered). */
function readConfig(services: Services, response: ServerResponse): SwitchboardConfig | undefined {
  try {
    return services.readConfig();
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'INTERNAL';
    sendApiError(response, 500, (error as Error).message, { code: code.toLowerCase() });
    return undefined;
  }
}

/** `GET /v1/models`: routes first, then each endpoint's listed and priced models. */
export function handleModels(services: Services, response: ServerResponse) {
  const config = readConfig(services, response);
  if (!config) return;
  sendJson(response, 200, { object: 'list', data: listModels(config).map(toModel) });
}

/**
 * `GET /v1/models/{id}`: a route, a listed model, or any model of a known endpoint (every model name is
 * accepted there); anything else is a 404 `model_not_found`.
 */
export function handleModel(services: Services, response: ServerResponse, encodedId: string) {
  const config = readConfig(services, response);
  if (!config) return;
  let id: string;
  try {
    id = decodeURIComponent(encodedId);
  } catch {
    id = encodedId;
  }
  const listed = listModels(config).find((model) => model.id === id);
  if (listed) return sendJson(response, 200, toModel(listed));
  try {
    const [resolved] = resolveModelId(config, id).targets;
    return sendJson(response, 200, { id, object: 'model', created: 0, owned_by: resolved!.endpoint.id });
  } catch (error) {
    return sendApiError(response, 404, (error as Error).message, { code: 'model_not_found' });
  }
}
