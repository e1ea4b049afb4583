// Model lists fetched from each provider's own API, in its own shape, under the provider fetch's rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SwitchboardError } from '../../shared/errors/codes';
import type { EndpointConfig } from '../../shared/types/config';
import {
  deadPort,
  startScriptedServer,
  type ScriptedAnswer,
  type ScriptedRequest,
  type ScriptedServer,
} from '../../test/fake-provider';
import {
  anthropicPages,
  googlePages,
  openAiList,
  openRouterKey,
  openRouterList,
  vercelList,
} from './__fixtures__/model-lists';
import { fetchModelList } from './fetch-model-list';

const key = 'sk-list-test-0123456789abcdef';
let provider: ScriptedServer;
let elsewhere: ScriptedServer;
let answer: (request: ScriptedRequest) => ScriptedAnswer | undefined = () => undefined;

beforeAll(async () => {
  provider = await startScriptedServer((request) => answer(request));
  elsewhere = await startScriptedServer(() => ({ status: 200, body: openAiList }));
});
afterAll(async () => {
  await provider.close();
  await elsewhere.close();
});

const ok = (body: unknown): ScriptedAnswer => ({ status: 200, body });
const endpoint = (kind: EndpointConfig['kind'], path = '/v1'): EndpointConfig => ({
  id: `my-${kind}`,
  kind,
  baseURL: `${provider.url}${path}`,
});

/** The refusal a failed fetch throws. */
async function refusal(promise: Promise<unknown>): Promise<SwitchboardError> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(SwitchboardError);
  return error as SwitchboardError;
}

describe("each provider's model list", () => {
  it('OpenAI: GET /v1/models with a bearer key and the hop header; embeddings and speech left out', async () => {
    answer = (request) => (request.url === '/v1/models' ? ok(openAiList) : undefined);
    const models = await fetchModelList(endpoint('openai'), key);
    expect(models.map((model) => model.model)).toEqual(['gpt-4o-mini', 'gpt-4.1']);
    const sent = provider.requests.at(-1)!;
    expect(sent.headers.authorization).toBe(`Bearer ${key}`);
    expect(sent.headers['x-switchboard-hop']).toBe('1');
  });

  it('Anthropic: x-api-key and anthropic-version, every page followed by after_id, display names kept', async () => {
    answer = (request) =>
      request.url === '/v1/models?limit=1000'
        ? ok(anthropicPages[0])
        : request.url === '/v1/models?limit=1000&after_id=claude-sonnet-4-5-20250929'
          ? ok(anthropicPages[1])
          : undefined;
    const before = provider.requests.length;
    const models = await fetchModelList(endpoint('anthropic'), key);
    expect(models).toEqual([
      { model: 'claude-sonnet-4-5-20250929', name: 'Claude Sonnet 4.5' },
      { model: 'claude-3-5-haiku-20241022', name: 'Claude Haiku 3.5' },
    ]);
    const sent = provider.requests.slice(before);
    expect(sent).toHaveLength(2);
    expect(sent[0]!.headers['x-api-key']).toBe(key);
    expect(sent[0]!.headers['anthropic-version']).toBe('2023-06-01');
    expect(sent[0]!.headers.authorization).toBeUndefined();
  });

  it('Gemini: the key in x-goog-api-key (never in the address), pages by pageToken, generateContent models only', async () => {
    answer = (request) =>
      request.url === '/v1beta/models?pageSize=1000'
        ? ok(googlePages[0])
        : request.url === `/v1beta/models?pageSize=1000&pageToken=${googlePages[0]!.nextPageToken}`
          ? ok(googlePages[1])
          : undefined;
    const before = provider.requests.length;
    const models = await fetchModelList(endpoint('google', '/v1beta'), key);
    expect(models).toEqual([
      { model: 'gemini-2.5-flash', name: 'Gemini 2.5 Flash', contextWindow: 1048576 },
      { model: 'gemma-3-27b-it', name: 'Gemma 3 27B', contextWindow: 131072 },
    ]);
    for (const sent of provider.requests.slice(before)) {
      expect(sent.headers['x-goog-api-key']).toBe(key);
      expect(sent.url).not.toContain(key);
    }
  });

  it('OpenRouter: the key checked at /key (the list is public), context lengths, prices per million tokens', async () => {
    answer = (request) =>
      request.url === '/api/v1/key'
        ? request.headers.authorization === `Bearer ${key}`
          ? ok(openRouterKey)
          : { status: 401, body: { error: { message: 'No auth credentials found', code: 401 } } }
        : request.url === '/api/v1/models'
          ? ok(openRouterList)
          : undefined;
    const models = await fetchModelList(endpoint('openrouter', '/api/v1'), key);
    expect(models).toEqual([
      {
        model: 'anthropic/claude-sonnet-4.5',
        name: 'Anthropic: Claude Sonnet 4.5',
        contextWindow: 1000000,
        price: { input: 3, output: 15, cacheRead: 0.3 },
      },
      {
        model: 'some-lab/new-model',
        name: 'Some Lab: New Model',
        contextWindow: 32768,
        price: { input: 0.2, output: 0.8 },
      },
      // A router's price depends on the model it picks: none is shown.
      { model: 'openrouter/auto', name: 'Auto Router', contextWindow: 2000000 },
    ]);
    const wrong = await refusal(fetchModelList(endpoint('openrouter', '/api/v1'), 'sk-or-wrong-key-999999'));
    expect(wrong.code).toBe('PROVIDER_AUTH');
    expect(wrong.fields).toEqual([{ field: 'key', message: wrong.message }]);
  });

  it("Vercel's gateway: language models only, with their context window and prices", async () => {
    answer = (request) => (request.url === '/v1/models' ? ok(vercelList) : undefined);
    expect(await fetchModelList(endpoint('vercel'), key)).toEqual([
      { model: 'some-lab/fresh-model', name: 'Fresh Model', contextWindow: 256000, price: { input: 0.4, output: 1.6 } },
    ]);
  });

  it('Ollama: its /v1/models, or /api/tags on a server that predates it; no key is sent', async () => {
    const tags = {
      models: [
        { name: 'llama3.2:latest', model: 'llama3.2:latest', size: 2019393189 },
        { name: 'nomic-embed-text:latest' },
      ],
    };
    answer = (request) => (request.url === '/api/tags' ? ok(tags) : undefined);
    expect(await fetchModelList(endpoint('openai-compatible'), undefined)).toEqual([{ model: 'llama3.2:latest' }]);
    expect(provider.requests.at(-1)!.headers.authorization).toBeUndefined();
    answer = (request) =>
      request.url === '/v1/models'
        ? ok({ object: 'list', data: [{ id: 'qwen3:8b', object: 'model', owned_by: 'library' }] })
        : undefined;
    expect(await fetchModelList(endpoint('openai-compatible'), undefined)).toEqual([{ model: 'qwen3:8b' }]);
  });
});

describe('a list that does not come', () => {
  it('a redirect is refused and not followed: the key goes nowhere else, and the base URL is what to fix', async () => {
    answer = () => ({ status: 307, body: '', headers: { location: `${elsewhere.url}/v1/models?key=${key}` } });
    const error = await refusal(fetchModelList(endpoint('openai'), key));
    expect(error.message).toMatch(/redirect to http:\/\/127\.0\.0\.1:\d+; Switchboard does not follow redirects/);
    expect(error.message).not.toContain(key);
    expect(error.fields?.[0]?.field).toBe('baseURL');
    expect(elsewhere.requests).toEqual([]);
  });

  it('a refused key names the key field, without the key even when the provider echoes it', async () => {
    answer = () => ({
      status: 401,
      body: { error: { message: `Incorrect API key provided: ${key}.`, type: 'invalid_request_error' } },
    });
    const error = await refusal(fetchModelList(endpoint('openai'), key));
    expect(error.code).toBe('PROVIDER_AUTH');
    expect(error.message).toBe(
      'my-openai refused the key (401: Incorrect API key provided: [redacted key]). Paste the whole key again, or make a new one.',
    );
    expect(error.fields).toEqual([{ field: 'key', message: error.message }]);
    const missing = await refusal(fetchModelList(endpoint('openai'), undefined));
    expect(missing.code).toBe('KEY_MISSING');
    expect(missing.fields?.[0]?.field).toBe('key');
  });

  it("Gemini's 400 API_KEY_INVALID is a refused key too", async () => {
    answer = () => ({
      status: 400,
      body: {
        error: {
          code: 400,
          message: 'API key not valid. Please pass a valid API key.',
          status: 'INVALID_ARGUMENT',
          details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID' }],
        },
      },
    });
    expect((await refusal(fetchModelList(endpoint('google', '/v1beta'), key))).fields?.[0]?.field).toBe('key');
  });

  it('a page that is not a model list, a 404, a dead port and a server that never answers all point at the base URL', async () => {
    answer = () => ({ status: 200, body: '<!doctype html><title>Welcome</title>' });
    const page = await refusal(fetchModelList(endpoint('openai-compatible'), key));
    expect(page.message).toMatch(/answered, but not with a model list\. Check the base URL/);
    answer = () => undefined;
    const missing = await refusal(fetchModelList(endpoint('openai-compatible'), key));
    expect(missing.message).toMatch(/\/v1\/models has no model list \(404: no route \/v1\/models\)/);
    const dead = await refusal(
      fetchModelList(
        { id: 'dead', kind: 'openai-compatible', baseURL: `http://127.0.0.1:${await deadPort()}/v1` },
        key,
      ),
    );
    expect(dead.message).toBe('dead could not be reached: connection refused (is the server running?)');
    answer = () => ({ hang: true });
    const slow = await refusal(fetchModelList(endpoint('openai-compatible'), key, { timeoutMs: 200 }));
    expect(slow.code).toBe('TIMEOUT');
    for (const error of [page, missing, dead, slow]) expect(error.fields?.[0]?.field).toBe('baseURL');
  });

  it('a provider in trouble is no fault of the form: a 429 or 503 names no field', async () => {
    answer = () => ({ status: 503, body: { error: { message: 'The server is overloaded.' } } });
    const error = await refusal(fetchModelList(endpoint('openai'), key));
    expect(error.message).toBe('my-openai is not answering (503: The server is overloaded). Try again later.');
    expect(error.fields).toBeUndefined();
  });
});
