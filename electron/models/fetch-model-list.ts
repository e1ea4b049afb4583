import type { ErrorCode } from '../../shared/errors/codes';
import { SwitchboardError } from '../../shared/errors/codes';
import type { EndpointConfig } from '../../shared/types/config';
import { createProviderFetch } from '../providers/provider-fetch';
import { ProviderError } from '../providers/provider-error';
import { redactKey } from '../providers/redact-key';
import { describeBody, toProviderError } from '../providers/to-provider-error';
import { baseURLOf, modelListRequest, nextPage, ollamaTagsRequest, type ModelListRequest } from './list-request';
import { readModelPage } from './read-model-page';
import type { FetchedModel } from './types';

export interface ModelListOptions {
  /** The fetch under the provider fetch's rules. */
  fetch?: typeof globalThis.fetch;
  /** The whole list, every page of it, within this. */
  timeoutMs?: number;
}

export const modelListLimits = {
  timeoutMs: 15_000,
  /** Pages followed at most: 20 pages of 1,000 models is far beyond any provider today. */
  maxPages: 20,
  /** Bytes read from one page: OpenRouter's whole list with descriptions is about 1 MiB. */
  maxPageBytes: 16 * 1024 * 1024,
};

/** Which field of an endpoint form a failure is about. */
type Field = 'key' | 'baseURL';

function refusal(code: ErrorCode, message: string, field?: Field): SwitchboardError {
  return new SwitchboardError(code, message, field ? { fields: [{ field, message }] } : {});
}

/** The address without its query, as messages show it. */
const shown = (url: string) => url.split('?')[0]!;

type Answer = { status: number; body: string };

/** One GET through the provider fetch (hop header, no redirects with the key, a size cap). */
async function get(
  request: ModelListRequest,
  endpoint: EndpointConfig,
  apiKey: string | undefined,
  options: { fetch?: typeof globalThis.fetch; signal: AbortSignal },
): Promise<Answer> {
  const fetch = createProviderFetch({ endpoint, apiKey }, options.fetch, modelListLimits.maxPageBytes);
  try {
    const response = await fetch(request.url, { headers: request.headers, signal: options.signal });
    return { status: response.status, body: await response.text() };
  } catch (error) {
    if (options.signal.aborted) {
      throw refusal('TIMEOUT', `${endpoint.id} did not send its model list in time (${shown(request.url)})`, 'baseURL');
    }
    const failure = ProviderError.isInstance(error) ? error : toProviderError(error, endpoint.id, apiKey);
    throw refusal(failure.code, failure.message, 'baseURL');
  }
}

/** What a failed answer means for the form: the key, the address, or the provider itself. */
function failure(answer: Answer, url: string, endpoint: EndpointConfig, apiKey: string | undefined): SwitchboardError {
  const facts = describeBody(answer.body);
  const detail =
    facts.message &&
    redactKey(facts.message, apiKey)
      .slice(0, 200)
      .trim()
      .replace(/[.!]+$/, '');
  // "(401: Incorrect API key provided)": the status, and the provider's own words when it gave some.
  const said = detail ? `: ${detail}` : '';
  const isKeyRefused =
    answer.status === 401 ||
    answer.status === 403 ||
    (answer.status === 400 && (facts.reason?.startsWith('API_KEY_') || /API key/i.test(facts.message ?? '')));
  if (isKeyRefused) {
    return apiKey
      ? refusal(
          'PROVIDER_AUTH',
          `${endpoint.id} refused the key (${answer.status}${said}). Paste the whole key again, or make a new one.`,
          'key',
        )
      : refusal('KEY_MISSING', `${endpoint.id} needs an API key (${answer.status}${said}). Paste one.`, 'key');
  }
  if (answer.status === 404) {
    return refusal(
      'PROVIDER_NOT_FOUND',
      `${shown(url)} has no model list (404${said}). Check the base URL.`,
      'baseURL',
    );
  }
  if (answer.status === 429) {
    return refusal('PROVIDER_RATE_LIMITED', `${endpoint.id} is limiting requests (429${said}). Try again in a minute.`);
  }
  return refusal('PROVIDER_UNAVAILABLE', `${endpoint.id} is not answering (${answer.status}${said}). Try again later.`);
}

function parse(answer: Answer, request: ModelListRequest, endpoint: EndpointConfig) {
  let json: unknown;
  try {
    json = JSON.parse(answer.body);
  } catch {
    json = undefined;
  }
  const page = readModelPage(request.format, json);
  if (!page) {
    throw refusal(
      'PROVIDER_NOT_FOUND',
      `${shown(request.url)} answered, but not with a model list. Check the base URL (for ${endpoint.id}, the address its API calls start with, often ending in /v1).`,
      'baseURL',
    );
  }
  return page;
}

/** OpenRouter lists its models to anyone: its key is checked on its own. */
async function checkOpenRouterKey(
  endpoint: EndpointConfig,
  apiKey: string,
  options: { fetch?: typeof globalThis.fetch; signal: AbortSignal },
) {
  const url = `${baseURLOf(endpoint)}/key`;
  const answer = await get(
    { format: 'openai', url, headers: { authorization: `Bearer ${apiKey}` } },
    endpoint,
    apiKey,
    options,
  );
  if (answer.status !== 200) throw failure(answer, url, endpoint, apiKey);
}

/**
 * The chat models an endpoint lists (`GET <base URL>/models` in its own format, every page; Ollama's
 * `/api/tags` when its `/v1/models` is missing), fetched with its key under the provider fetch's rules.
 * A failure is a SwitchboardError whose field says what to fix: the key or the base URL.
 */
export async function fetchModelList(
  endpoint: EndpointConfig,
  apiKey: string | undefined,
  options: ModelListOptions = {},
): Promise<FetchedModel[]> {
  const signal = AbortSignal.timeout(options.timeoutMs ?? modelListLimits.timeoutMs);
  const context = { fetch: options.fetch, signal };
  if (endpoint.kind === 'openrouter' && apiKey) await checkOpenRouterKey(endpoint, apiKey, context);
  let request = modelListRequest(endpoint, apiKey);
  const models = new Map<string, FetchedModel>();
  for (let page = 0; page < modelListLimits.maxPages; page += 1) {
    let answer = await get(request, endpoint, apiKey, context);
    const tags = answer.status === 404 && page === 0 && !apiKey ? ollamaTagsRequest(endpoint) : null;
    if (tags) {
      const tagsAnswer = await get(tags, endpoint, apiKey, context);
      if (tagsAnswer.status === 200 && readModelPage('ollama', safeJson(tagsAnswer.body))) {
        request = tags;
        answer = tagsAnswer;
      }
    }
    if (answer.status !== 200) throw failure(answer, request.url, endpoint, apiKey);
    const { models: found, cursor } = parse(answer, request, endpoint);
    for (const model of found) if (!models.has(model.model)) models.set(model.model, model);
    if (!cursor) break;
    request = { ...request, url: nextPage(request.format, request.url, cursor) };
  }
  return [...models.values()];
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
