// The local API's other endpoints: Anthropic's token count, one model by id, and embeddings.
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { hasKeyring, lastRow, prices, providerKeys, startHarness, type Harness } from './api-harness';

let harness: Harness;
let openai: OpenAI;
let anthropic: Anthropic;

beforeAll(async () => {
  harness = await startHarness();
  openai = new OpenAI({ baseURL: harness.server.apiBase, apiKey: harness.server.token, maxRetries: 0 });
  anthropic = new Anthropic({ baseURL: harness.origin, apiKey: harness.server.token, maxRetries: 0 });
});
afterAll(() => harness?.close());
beforeEach(() => harness.fake.clearQueue());

describe('POST /v1/messages/count_tokens', () => {
  const messages: Anthropic.MessageParam[] = [{ role: 'user', content: 'How many tokens is this?' }];

  it.skipIf(!hasKeyring)('is Anthropic’s own count for an Anthropic target, unmarked', async () => {
    harness.fake.enqueue({ kind: 'json', body: { input_tokens: 17 } });
    const { data, response } = await anthropic.messages.countTokens({ model: 'claude/c', messages }).withResponse();
    expect(data.input_tokens).toBe(17);
    expect(response.headers.get('x-switchboard-token-count')).toBeNull();
    const upstream = harness.fake.requests.at(-1)!;
    expect(upstream).toMatchObject({ path: '/v1/messages/count_tokens', body: { model: 'c', messages } });
    expect(upstream.headers['x-api-key']).toBe(providerKeys.claude);
  });

  it('is an estimate, marked as such, for any other target, and calls nobody', async () => {
    const requests = harness.fake.requests.length;
    const { data, response } = await anthropic.messages.countTokens({ model: 'compat/m', messages }).withResponse();
    expect(data.input_tokens).toBeGreaterThan(0);
    expect(response.headers.get('x-switchboard-token-count')).toBe('estimate');
    expect(harness.fake.requests.length).toBe(requests);
  });

  it('answers an unknown model in Anthropic’s error format', async () => {
    const error = await anthropic.messages.countTokens({ model: 'nowhere/x', messages }).catch((caught) => caught);
    expect(error).toBeInstanceOf(Anthropic.NotFoundError);
  });
});

describe('GET /v1/models/{id}', () => {
  it('knows routes and any model of a known endpoint, and answers 404 model_not_found for the rest', async () => {
    expect(await openai.models.retrieve('gate')).toMatchObject({
      id: 'gate',
      object: 'model',
      owned_by: 'switchboard-route',
    });
    expect(await openai.models.retrieve('compat/m')).toMatchObject({ id: 'compat/m', owned_by: 'compat' });
    expect(await openai.models.retrieve('compat/anything-else')).toMatchObject({ id: 'compat/anything-else' });
    const missing = await openai.models.retrieve('nowhere/x').catch((caught: unknown) => caught);
    expect(missing).toBeInstanceOf(OpenAI.NotFoundError);
    expect(missing).toMatchObject({ code: 'model_not_found' });
  });
});

describe('POST /v1/embeddings', () => {
  it('passes through to an OpenAI-compatible endpoint, priced by input tokens, with a usage row', async () => {
    const result = await openai.embeddings.create({ model: 'compat/text-embedding-3-small', input: ['one', 'two'] });
    expect(result.data.map((item) => item.embedding)).toEqual([
      [0.25, -0.5, 0.125],
      [0.25, -0.5, 0.125],
    ]);
    expect(result.model).toBe('compat/text-embedding-3-small');
    expect(harness.fake.requests.at(-1)!).toMatchObject({
      path: '/v1/embeddings',
      body: { model: 'text-embedding-3-small', input: ['one', 'two'] },
    });
    const row = lastRow(harness.services);
    expect(row).toMatchObject({
      source: 'api',
      status: 'ok',
      apiProtocol: 'openai-embeddings',
      apiPath: 'pass-through',
      target: 'compat/text-embedding-3-small',
      usage: { inputTokens: 16, outputTokens: 0 },
      costSource: 'config',
    });
    expect(row.costUSD).toBeCloseTo((16 * prices.embedding.input) / 1e6, 12);
  });

  it('refuses a target that cannot embed with a 400 that says where to route embeddings', async () => {
    const error = await openai.embeddings
      .create({ model: 'claude/c', input: 'one' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as Error).message).toMatch(/claude\/c cannot embed: .*openai-compatible/);
  });

  it('reports a provider’s refusal at once, in OpenAI’s format, with a usage row', async () => {
    harness.fake.enqueue({
      kind: 'http-error',
      status: 400,
      body: { error: { message: 'input is too long', type: 'invalid_request_error' } },
    });
    const error = await openai.embeddings.create({ model: 'compat/m', input: 'x' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as Error).message).toMatch(/input is too long/);
    expect(lastRow(harness.services)).toMatchObject({ status: 'error', apiProtocol: 'openai-embeddings' });
  });
});
