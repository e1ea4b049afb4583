// JSON output from the Playground in each provider's own form: OpenAI's Responses text format, Anthropic's
// output format, Gemini's response schema and Chat Completions' response_format, with the schema when one is set.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/contract';
import type { PlaygroundRun, SavedPrompt } from '../../shared/contract/playground';
import { createCoreFromServices } from '../../electron/core/create-core';
import { createServices } from '../../electron/core/services';
import type { Core } from '../../electron/core/types';
import { createKeytarKeychain } from '../../electron/keychain/keytar-keychain';
import { startFakeProvider, type FakeProvider } from '../fake-provider';

const hasKeyring = process.env.SWITCHBOARD_TEST_KEYRING === '1';
const keychain = createKeytarKeychain();
const keyed = ['pg-json-openai', 'pg-json-anthropic', 'pg-json-google'];
let home: string;
let core: Core;
let fake: FakeProvider;
const context = { emit: () => {} };

async function ask<T>(route: string, input: unknown): Promise<T> {
  const result = (await core.dispatch(route, input, context)) as Result<T>;
  if (!result.ok) throw new Error(`${route}: ${result.error.message}`);
  return result.data;
}

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'switchboard-playground-json-'));
  fake = await startFakeProvider();
  const baseURL = `${fake.url}/v1`;
  const config = {
    endpoints: [
      { id: 'pg-json-openai', kind: 'openai', baseURL },
      { id: 'pg-json-anthropic', kind: 'anthropic', baseURL },
      { id: 'pg-json-google', kind: 'google', baseURL },
      { id: 'pg-json-chat', kind: 'openai-compatible', baseURL },
    ],
  };
  await writeFile(join(home, 'config.json'), JSON.stringify(config));
  if (hasKeyring) for (const id of keyed) await keychain.set(id, `sk-test-${id}`);
  core = createCoreFromServices(createServices({ dataDir: home, keychain }));
});
afterAll(async () => {
  await core?.dispose();
  if (hasKeyring) for (const id of keyed) await keychain.remove(id);
  await fake?.close();
  await rm(home, { recursive: true, force: true });
});

const schema = {
  type: 'object',
  properties: { city: { type: 'string' } },
  required: ['city'],
  additionalProperties: false,
};

const models = [
  'pg-json-openai/gpt-5',
  'pg-json-anthropic/claude-sonnet-4-5',
  'pg-json-google/gemini-2.5-flash',
  'pg-json-chat/llama',
];

/** Runs a one-case prompt with these parameters on every model; the requests each model's provider got. */
async function sentFor(name: string, params: object) {
  const saved = await ask<SavedPrompt>('playground.save', {
    name,
    draft: { system: '', user: 'A city as JSON', params, modelIds: models },
    cases: [],
  });
  fake.setDefault({ kind: 'text', text: '{"city": "Oslo"}' });
  const before = fake.requests.length;
  const run = await ask<PlaygroundRun>('playground.run', { versionId: saved.versions[0]!.id, concurrency: 4 });
  const statuses = async () =>
    (await ask<PlaygroundRun>('playground.runGet', { runId: run.id })).cells.map((cell) => cell.status);
  await expect.poll(statuses, { timeout: 10_000 }).toEqual(['ok', 'ok', 'ok', 'ok']);
  const sent = fake.requests.slice(before);
  const body = (path: RegExp) => sent.find((request) => path.test(request.path))!.body;
  return {
    openai: body(/\/responses$/),
    anthropic: body(/\/messages$/),
    google: body(/generateContent$/i),
    chat: body(/\/chat\/completions$/),
  };
}

describe.skipIf(!hasKeyring)('Playground JSON output', () => {
  it('sends the schema as each provider’s structured output', async () => {
    const sent = await sentFor('Json schema everywhere', { json: true, jsonSchema: schema });
    expect(sent.openai.text.format).toEqual({ type: 'json_schema', strict: true, name: 'answer', schema });
    expect(sent.anthropic.output_config.format).toEqual({ type: 'json_schema', schema });
    expect(sent.google.generationConfig).toMatchObject({
      responseMimeType: 'application/json',
      responseJsonSchema: schema,
    });
    expect(sent.chat.response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'answer', schema, strict: true },
    });
  });

  it('asks for JSON in the provider’s JSON mode when there is no schema', async () => {
    const sent = await sentFor('Json mode everywhere', { json: true });
    expect(sent.openai.text.format).toEqual({ type: 'json_object' });
    expect(sent.google.generationConfig).toMatchObject({ responseMimeType: 'application/json' });
    expect(sent.chat.response_format).toEqual({ type: 'json_object' });
    // Anthropic has no JSON mode without a schema: the instruction in the system part is what asks for it.
    expect(sent.anthropic.output_config).toBeUndefined();
    expect(sent.anthropic.system).toEqual([
      { type: 'text', text: 'Answer with one valid JSON value only: no prose, no Markdown.' },
    ]);
  });
});
