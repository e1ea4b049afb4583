// An endpoint added from a form: its key tested by fetching its model list, the list kept in SQLite and
// shown with catalog facts, refreshed, and refusals that name the form's fields.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findProvider } from '@pydantic/genai-prices';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddedEndpoint, EndpointModels, Result } from '../../shared/contract';
import { createCoreFromServices, type CoreOptions } from '../../electron/core/create-core';
import { createServices, type Services } from '../../electron/core/services';
import type { Core } from '../../electron/core/types';
import { deadPort, startScriptedServer, type ScriptedServer } from '../fake-provider';
import { lookUpInOsKeychain } from './os-keychain';

const hasKeyring = process.env.SWITCHBOARD_TEST_KEYRING === '1';
const key = 'sk-first-run-test-4242';
const context = { emit: () => {} };

let home: string;
let provider: ScriptedServer;
let ollama: ScriptedServer;
let listed = ['gpt-4o-mini', 'fake-model-x'];
let services: Services;
let core: Core;

function start(options: CoreOptions = {}) {
  services = createServices({ dataDir: home });
  core = createCoreFromServices(services, { modelList: { timeoutMs: 2000 }, ...options });
}

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'switchboard-model-lists-'));
  // An OpenAI-style API that lists models to its own key only.
  provider = await startScriptedServer((request) => {
    if (request.url !== '/v1/models') return undefined;
    if (request.headers.authorization !== `Bearer ${key}`) {
      return {
        status: 401,
        body: { error: { message: 'Incorrect API key provided.', type: 'invalid_request_error' } },
      };
    }
    return {
      status: 200,
      body: { object: 'list', data: listed.map((id) => ({ id, object: 'model', owned_by: 'system' })) },
    };
  });
  ollama = await startScriptedServer((request) =>
    request.url === '/v1/models'
      ? { status: 200, body: { object: 'list', data: [{ id: 'llama3.2:latest' }] } }
      : undefined,
  );
  start();
});
afterAll(async () => {
  await core?.dispose();
  await provider?.close();
  await ollama?.close();
  await rm(home, { recursive: true, force: true });
});

/** What the bundled catalog itself says of an OpenAI model: the oracle for what the pickers show. */
function openAiCatalog(model: string) {
  const entry = findProvider({ providerId: 'openai' })!.models.find((candidate) => candidate.id === model)!;
  const prices = entry.prices as Record<string, number>;
  return {
    contextWindow: entry.context_window,
    input: prices.input_mtok,
    output: prices.output_mtok,
    cacheRead: prices.cache_read_mtok,
  };
}

const readConfig = async () =>
  JSON.parse(await readFile(join(home, 'config.json'), 'utf8')) as { endpoints: { id: string; baseURL?: string }[] };
const work = () => ({ id: 'work', kind: 'openai' as const, baseURL: `${provider.url}/v1` });
const data = <T>(result: Result<unknown>) => {
  expect(result).toMatchObject({ ok: true });
  return (result as { data: T }).data;
};

describe('adding an endpoint with its key, tested by its model list', () => {
  it.runIf(hasKeyring)(
    'keeps the endpoint, its key in the OS keychain and its fetched models with catalog facts',
    async () => {
      const added = data<AddedEndpoint>(
        await core.dispatch('endpoints.add', { endpoint: work(), key, isTested: true }, context),
      );
      expect(added.endpoints).toEqual([expect.objectContaining({ id: 'work', key: { isSet: true, last4: '4242' } })]);
      expect(added.models.fetchedAt).not.toBeNull();
      const catalog = openAiCatalog('gpt-4o-mini');
      expect(added.models.models).toEqual([
        {
          id: 'work/gpt-4o-mini',
          model: 'gpt-4o-mini',
          name: null,
          contextWindow: catalog.contextWindow,
          price: { input: catalog.input, output: catalog.output, cacheRead: catalog.cacheRead },
          priceSource: 'catalog',
          isFetched: true,
        },
        {
          id: 'work/fake-model-x',
          model: 'fake-model-x',
          name: null,
          contextWindow: null,
          price: null,
          priceSource: null,
          isFetched: true,
        },
      ]);
      expect(provider.requests.at(-1)!.headers['x-switchboard-hop']).toBe('1');
      expect((await readConfig()).endpoints).toEqual([work()]);
      expect(await lookUpInOsKeychain('work')).toBe(key);
    },
  );

  it.runIf(hasKeyring)('keeps the list in SQLite: another process shows it without asking the provider', async () => {
    await core.dispose();
    start();
    const asked = provider.requests.length;
    const catalog = data<EndpointModels[]>(await core.dispatch('models.catalog', {}, context));
    expect(catalog.map((entry) => [entry.endpointId, entry.models.map((model) => model.id)])).toEqual([
      ['work', ['work/gpt-4o-mini', 'work/fake-model-x']],
    ]);
    expect(provider.requests.length).toBe(asked);
  });

  it.runIf(hasKeyring)('refreshes the list with the stored key, replacing the kept one', async () => {
    listed = ['gpt-4.1-mini'];
    const refreshed = data<EndpointModels>(await core.dispatch('models.refresh', { endpointId: 'work' }, context));
    expect(refreshed.models.map((model) => [model.id, model.contextWindow, model.priceSource])).toEqual([
      ['work/gpt-4.1-mini', openAiCatalog('gpt-4.1-mini').contextWindow, 'catalog'],
    ]);
    expect(provider.requests.at(-1)!.headers.authorization).toBe(`Bearer ${key}`);
    const catalog = data<EndpointModels[]>(await core.dispatch('models.catalog', {}, context));
    expect(catalog[0]!.models.map((model) => model.id)).toEqual(['work/gpt-4.1-mini']);
  });

  it.runIf(hasKeyring)(
    'refuses an id already in use beside the id field, and changes nothing (not the key either)',
    async () => {
      const before = await readFile(join(home, 'config.json'), 'utf8');
      const taken = await core.dispatch(
        'endpoints.add',
        { endpoint: { id: 'work', kind: 'anthropic' }, key: 'sk-other-key-9999', isTested: false },
        context,
      );
      expect(taken).toEqual({
        ok: false,
        error: {
          code: 'INVALID_INPUT',
          message: '"work" is already the id of an endpoint: pick another id, or change that endpoint instead.',
          fields: [
            {
              field: 'endpoint.id',
              message: '"work" is already the id of an endpoint: pick another id, or change that endpoint instead',
            },
          ],
        },
      });
      expect(await readFile(join(home, 'config.json'), 'utf8')).toBe(before);
      expect(await lookUpInOsKeychain('work')).toBe(key);
    },
  );

  it('saves nothing when the key is refused: the error is beside the key field', async () => {
    const before = await readConfig().catch(() => null);
    const refused = await core.dispatch(
      'endpoints.add',
      { endpoint: { ...work(), id: 'typo' }, key: 'sk-wrong-key-0000', isTested: true },
      context,
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'PROVIDER_AUTH', fields: [{ field: 'key' }] } });
    expect(!refused.ok && refused.error.message).toBe(
      'typo refused the key (401: Incorrect API key provided). Paste the whole key again, or make a new one.',
    );
    expect(await readConfig().catch(() => null)).toEqual(before);
    expect(await lookUpInOsKeychain('typo')).toBeNull();
  });

  it('saves nothing when the base URL has no model list: the error is beside the base URL field', async () => {
    const dead = `http://127.0.0.1:${await deadPort()}/v1`;
    const refused = await core.dispatch(
      'endpoints.add',
      { endpoint: { id: 'nowhere', kind: 'openai-compatible', baseURL: dead }, isTested: true },
      context,
    );
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'NETWORK',
        fields: [{ field: 'endpoint.baseURL', message: expect.stringContaining('connection refused') }],
      },
    });
    expect(
      (await readConfig().catch(() => ({ endpoints: [] }))).endpoints.map((endpoint) => endpoint.id),
    ).not.toContain('nowhere');
  });

  it('adds a keyless local server without a key, tested by its list', async () => {
    const added = data<AddedEndpoint>(
      await core.dispatch(
        'endpoints.add',
        { endpoint: { id: 'ollama', kind: 'openai-compatible', baseURL: `${ollama.url}/v1` }, isTested: true },
        context,
      ),
    );
    expect(added.models.models.map((model) => model.id)).toEqual(['ollama/llama3.2:latest']);
    expect(ollama.requests.at(-1)!.headers.authorization).toBeUndefined();
  });

  it('forgets a list fetched from another address, and drops it with its endpoint', async () => {
    const moved = await core.dispatch(
      'endpoints.save',
      { id: 'ollama', kind: 'openai-compatible', baseURL: `http://127.0.0.1:${await deadPort()}/v1` },
      context,
    );
    expect(moved.ok).toBe(true);
    const catalog = data<EndpointModels[]>(await core.dispatch('models.catalog', {}, context));
    expect(catalog.find((entry) => entry.endpointId === 'ollama')).toEqual({
      endpointId: 'ollama',
      fetchedAt: null,
      models: [],
    });
    expect(services.store.modelLists.get('ollama')).toBeDefined();
    expect((await core.dispatch('endpoints.remove', { id: 'ollama' }, context)).ok).toBe(true);
    expect(services.store.modelLists.get('ollama')).toBeUndefined();
  });
});

describe("refusals name the form's fields", () => {
  it('invalid input, a route to an unknown endpoint and a missing base URL each name their field', async () => {
    const badId = await core.dispatch('endpoints.add', { endpoint: { id: 'Bad Id', kind: 'openai' } }, context);
    expect(badId).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: [{ field: 'endpoint.id' }] } });
    const noBase = await core.dispatch('endpoints.save', { id: 'local', kind: 'openai-compatible' }, context);
    expect(noBase).toMatchObject({
      ok: false,
      error: { fields: [{ field: 'baseURL', message: expect.stringContaining('needs a "baseURL"') }] },
    });
    const unknown = await core.dispatch('routes.save', { name: 'fast', targets: ['nowhere/m'] }, context);
    expect(unknown).toMatchObject({
      ok: false,
      error: {
        code: 'CONFIG_INVALID',
        fields: [
          {
            field: 'targets.0',
            message: expect.stringContaining('names endpoint "nowhere", which is not in "endpoints"'),
          },
        ],
      },
    });
  });
});

describe('local servers through the core', () => {
  it('finds an Ollama on the port it is told to look at', async () => {
    await core.dispose();
    start({ localServers: { ports: { ollama: ollama.port, lmstudio: await deadPort() } } });
    expect(data(await core.dispatch('localServers.find', {}, context))).toEqual([
      { preset: 'ollama', name: 'Ollama', baseURL: `${ollama.url}/v1`, models: ['llama3.2:latest'] },
    ]);
  });
});
