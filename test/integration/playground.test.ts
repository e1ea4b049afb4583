// The Playground's routes through the core: saved prompts and versions, a grid run streaming cell by cell
// against a fake provider, bounded, cancelled and re-run, and reopened from SQLite after a restart.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PlaygroundCell, PlaygroundRun, SavedPrompt } from '../../shared/contract/playground';
import type { Result } from '../../shared/contract';
import { createCoreFromServices } from '../../electron/core/create-core';
import { createServices } from '../../electron/core/services';
import type { Core } from '../../electron/core/types';
import { startFakeProvider, type FakeProvider } from '../fake-provider';

let home: string;
let core: Core;
let fake: FakeProvider;
let cells: { runId: string; cell: PlaygroundCell }[] = [];
let streamed: string[] = [];
const context = {
  emit: (event: string, payload: unknown) => {
    if (event === 'playground.cell') cells.push(payload as { runId: string; cell: PlaygroundCell });
    if (event === 'chat.parts') streamed.push((payload as { streamId: string }).streamId);
  },
};

async function ask<T>(route: string, input: unknown): Promise<T> {
  const result = (await core.dispatch(route, input, context)) as Result<T>;
  if (!result.ok) throw new Error(`${route}: ${result.error.message}`);
  return result.data;
}

const models = ['fake/fast-model', 'fake/slow-model', 'fake/other-model'];
const draft = {
  system: 'Answer as a {{tone}} guide.',
  user: 'Name the capital of {{country}}.',
  params: { temperature: 0.3, topP: 0.9, maxOutputTokens: 64, seed: 7, stop: ['END'] },
  modelIds: models,
};
const cases = [
  { id: 'c1', values: { tone: 'brief', country: 'Norway' }, checks: [{ kind: 'contains', value: 'capital' }] },
  { id: 'c2', values: { tone: 'long', country: 'Peru' }, checks: [{ kind: 'contains', value: 'Lima' }] },
];

const finished = (runId: string) => async () => {
  const run = await ask<PlaygroundRun>('playground.runGet', { runId });
  return run.cells.every((cell) => !['waiting', 'streaming'].includes(cell.status));
};

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'switchboard-playground-'));
  fake = await startFakeProvider();
  const config = {
    endpoints: [
      {
        id: 'fake',
        kind: 'openai-compatible',
        baseURL: `${fake.url}/v1`,
        models: ['fast-model', 'slow-model', 'other-model'],
        prices: { 'fast-model': { input: 1, output: 2 } },
      },
    ],
  };
  await writeFile(join(home, 'config.json'), JSON.stringify(config));
  core = createCoreFromServices(createServices({ dataDir: home }));
});
beforeEach(() => {
  cells = [];
  streamed = [];
  fake.clearQueue();
  fake.setDefault({
    kind: 'text',
    text: 'The capital is here.',
    deltas: 3,
    usage: { inputTokens: 10, outputTokens: 5 },
  });
});
afterAll(async () => {
  await core.dispose();
  await fake.close();
  await rm(home, { recursive: true, force: true });
});

describe('Playground routes', () => {
  it('runs every case × every model with the version’s parameters, a few at a time, and judges each cell', async () => {
    const saved = await ask<SavedPrompt>('playground.save', { name: 'Capitals', note: 'first', draft, cases });
    fake.setDefault({
      kind: 'text',
      text: 'The capital is here.',
      deltas: 3,
      delayMs: 20,
      usage: { inputTokens: 10, outputTokens: 5 },
    });
    const before = fake.requests.length;
    const run = await ask<PlaygroundRun>('playground.run', { versionId: saved.versions[0]!.id, concurrency: 2 });
    expect(run.cells.map((cell) => `${cell.caseId} ${cell.modelId}`)).toEqual(
      cases.flatMap((c) => models.map((model) => `${c.id} ${model}`)),
    );
    await expect.poll(finished(run.id), { timeout: 10_000 }).toBe(true);

    // Never more than two cells streaming at once.
    const streaming = new Set<string>();
    let most = 0;
    for (const { cell } of cells) {
      const key = `${cell.caseId} ${cell.modelId}`;
      if (cell.status === 'streaming') streaming.add(key);
      else streaming.delete(key);
      most = Math.max(most, streaming.size);
    }
    expect(most).toBe(2);

    const sent = fake.requests.slice(before);
    expect(sent).toHaveLength(6);
    const peru = sent.find((request) => JSON.stringify(request.body.messages).includes('Peru'))!;
    expect(peru.body).toMatchObject({
      temperature: 0.3,
      top_p: 0.9,
      max_tokens: 64,
      seed: 7,
      stop: ['END'],
      messages: [
        { role: 'system', content: 'Answer as a long guide.' },
        { role: 'user', content: 'Name the capital of Peru.' },
      ],
    });

    const done = await ask<PlaygroundRun>('playground.runGet', { runId: run.id });
    expect(done.cells.map((cell) => [cell.caseId, cell.status, cell.passed])).toEqual([
      ['c1', 'ok', true],
      ['c1', 'ok', true],
      ['c1', 'ok', true],
      ['c2', 'ok', false],
      ['c2', 'ok', false],
      ['c2', 'ok', false],
    ]);
    const priced = done.cells.find((cell) => cell.modelId === 'fake/fast-model')!;
    expect(priced).toMatchObject({ text: 'The capital is here.', outputTokens: 5 });
    expect(priced.costUSD).toBeCloseTo((10 * 1 + 5 * 2) / 1_000_000);
    expect(priced.timeToFirstTokenMs).toBeGreaterThan(0);
    expect(done.cells[3]!.checks).toEqual([
      { check: { kind: 'contains', value: 'Lima' }, passed: false, detail: '“Lima” is not in the answer' },
    ]);
    // Each cell streamed its text on its own stream, as chat answers do.
    expect(new Set(streamed).size).toBe(6);
    expect(await ask('playground.runs', { promptId: saved.id })).toMatchObject([
      { id: run.id, versionNumber: 1, modelCount: 3, caseCount: 2 },
    ]);
  });

  it('runs one prompt across twelve models at once', async () => {
    const twelve = Array.from({ length: 12 }, (_, index) => `fake/model-${index + 1}`);
    const saved = await ask<SavedPrompt>('playground.save', {
      name: 'Twelve',
      draft: { system: '', user: 'Hello', params: {}, modelIds: twelve },
      cases: [],
    });
    const run = await ask<PlaygroundRun>('playground.run', { versionId: saved.versions[0]!.id, concurrency: 12 });
    await expect.poll(finished(run.id), { timeout: 10_000 }).toBe(true);
    const done = await ask<PlaygroundRun>('playground.runGet', { runId: run.id });
    expect(done.cells.map((cell) => [cell.modelId, cell.status, cell.passed])).toEqual(
      twelve.map((model) => [model, 'ok', true]),
    );
    // Twice as many still fit; one more is refused in words, beside the models.
    const many = Array.from({ length: 25 }, (_, index) => `fake/model-${index + 1}`);
    const save = (modelIds: string[]) =>
      core.dispatch(
        'playground.save',
        { name: 'Many', draft: { system: '', user: 'Hello', params: {}, modelIds }, cases: [] },
        context,
      );
    expect(await save(many.slice(0, 24))).toMatchObject({ ok: true });
    expect(await save(many)).toMatchObject({
      ok: false,
      error: { fields: [{ field: 'draft.modelIds', message: 'at most 24 models in one prompt' }] },
    });
  });

  it('has a judge model grade an answer against a rubric, with its verdict, reason and cost on the check', async () => {
    const rubric = 'Names the capital city correctly.';
    const judged = { kind: 'judge', modelId: 'fake/fast-model', rubric };
    const saved = await ask<SavedPrompt>('playground.save', {
      name: 'Judged',
      draft: { system: '', user: 'Capital of {{country}}?', params: {}, modelIds: ['fake/slow-model'] },
      cases: [
        { id: 'j1', values: { country: 'Peru' }, checks: [judged] },
        { id: 'j2', values: { country: 'Chile' }, checks: [judged] },
      ],
    });
    fake.enqueue(
      { kind: 'text', text: 'Lima.' },
      { kind: 'text', text: 'PASS It names Lima.', usage: { inputTokens: 40, outputTokens: 5 } },
      { kind: 'text', text: 'Lima.' },
      { kind: 'text', text: 'FAIL Chile’s capital is Santiago.', usage: { inputTokens: 40, outputTokens: 6 } },
    );
    const before = fake.requests.length;
    const run = await ask<PlaygroundRun>('playground.run', { versionId: saved.versions[0]!.id, concurrency: 1 });
    await expect.poll(finished(run.id), { timeout: 10_000 }).toBe(true);
    const done = await ask<PlaygroundRun>('playground.runGet', { runId: run.id });
    expect(done.cells.map((cell) => [cell.caseId, cell.passed, cell.checks[0]!.detail])).toEqual([
      ['j1', true, 'It names Lima.'],
      ['j2', false, 'Chile’s capital is Santiago.'],
    ]);
    expect(done.cells[0]!.checks[0]!.judgeCostUSD).toBeCloseTo((40 * 1 + 5 * 2) / 1_000_000);
    const judgeRequest = fake.requests[before + 1]!.body;
    expect(judgeRequest.model).toBe('fast-model');
    expect(judgeRequest.messages[1].content).toContain(`Rubric:\n${rubric}`);
    expect(judgeRequest.messages[1].content).toContain('user: Capital of Peru?');
    expect(judgeRequest.messages[1].content).toContain('The answer:\nLima.');
  });

  it('asks for JSON in the system part when the prompt wants JSON output', async () => {
    const saved = await ask<SavedPrompt>('playground.save', {
      name: 'Json',
      draft: { system: '', user: 'List {{n}} colours', params: { json: true }, modelIds: ['fake/fast-model'] },
      cases: [{ id: 'j', values: { n: '2' }, checks: [{ kind: 'json' }] }],
    });
    fake.setDefault({ kind: 'text', text: '["red", "blue"]' });
    const run = await ask<PlaygroundRun>('playground.run', { versionId: saved.versions[0]!.id, concurrency: 1 });
    await expect.poll(finished(run.id), { timeout: 10_000 }).toBe(true);
    expect(fake.requests.at(-1)!.body.messages[0]).toEqual({
      role: 'system',
      content: 'Answer with one valid JSON value only: no prose, no Markdown.',
    });
    expect((await ask<PlaygroundRun>('playground.runGet', { runId: run.id })).cells[0]!.passed).toBe(true);
  });

  it('asks in the provider’s own JSON mode, with the schema as structured output, and checks answers against a schema', async () => {
    const schema = {
      type: 'object',
      properties: { city: { type: 'string' }, population: { type: 'number' } },
      required: ['city', 'population'],
      additionalProperties: false,
    };
    const plain = await ask<SavedPrompt>('playground.save', {
      name: 'Json mode',
      draft: { system: '', user: 'A city as JSON', params: { json: true }, modelIds: ['fake/fast-model'] },
      cases: [],
    });
    fake.setDefault({ kind: 'text', text: '{"city": "Oslo"}' });
    const first = await ask<PlaygroundRun>('playground.run', { versionId: plain.versions[0]!.id, concurrency: 1 });
    await expect.poll(finished(first.id), { timeout: 10_000 }).toBe(true);
    expect(fake.requests.at(-1)!.body.response_format).toEqual({ type: 'json_object' });

    const saved = await ask<SavedPrompt>('playground.save', {
      name: 'Json schema',
      draft: {
        system: '',
        user: 'Describe {{city}} as JSON',
        params: { json: true, jsonSchema: schema },
        modelIds: ['fake/fast-model'],
      },
      cases: [
        { id: 'fits', values: { city: 'Oslo' }, checks: [{ kind: 'json', schema }] },
        { id: 'misses', values: { city: 'Lima' }, checks: [{ kind: 'json', schema }] },
      ],
    });
    fake.enqueue(
      { kind: 'text', text: '{"city": "Oslo", "population": 709000}' },
      { kind: 'text', text: '{"city": "Lima", "population": "ten million"}' },
    );
    const before = fake.requests.length;
    const run = await ask<PlaygroundRun>('playground.run', { versionId: saved.versions[0]!.id, concurrency: 1 });
    await expect.poll(finished(run.id), { timeout: 10_000 }).toBe(true);
    expect(fake.requests[before]!.body.response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'answer', schema, strict: true },
    });
    const done = await ask<PlaygroundRun>('playground.runGet', { runId: run.id });
    expect(done.cells.map((cell) => [cell.caseId, cell.passed])).toEqual([
      ['fits', true],
      ['misses', false],
    ]);
    expect(done.cells[1]!.checks[0]!.detail).toMatch(/^the JSON does not match the schema \(at population: .*number/);
  });

  it('refuses a JSON schema that cannot validate, naming the field and the reason', async () => {
    const bad = await core.dispatch(
      'playground.save',
      {
        name: 'Bad schema',
        draft: { system: '', user: 'Hi', params: { json: true, jsonSchema: { type: 'strnig' } }, modelIds: [] },
        cases: [{ id: 'c', values: {}, checks: [{ kind: 'json', schema: { $ref: '#/nowhere' } }] }],
      },
      context,
    );
    expect(bad).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        fields: [
          {
            field: 'draft.params.jsonSchema',
            message: expect.stringMatching(/^the JSON schema cannot be used: .*strnig/),
          },
          { field: 'cases.0.checks.0.schema', message: expect.stringMatching(/^the JSON schema cannot be used/) },
        ],
      },
    });
  });

  it('sends the messages between the system and user parts in order, each with its variables filled in', async () => {
    const saved = await ask<SavedPrompt>('playground.save', {
      name: 'Few-shot',
      draft: {
        system: 'Translate to {{language}}.',
        messages: [
          { role: 'user', content: 'cat' },
          { role: 'assistant', content: 'chat ({{language}})' },
        ],
        user: '{{word}}',
        params: {},
        modelIds: ['fake/fast-model'],
      },
      cases: [{ id: 'w', values: { language: 'French', word: 'dog' }, checks: [] }],
    });
    expect(saved.versions[0]!.messages).toHaveLength(2);
    const run = await ask<PlaygroundRun>('playground.run', { versionId: saved.versions[0]!.id, concurrency: 1 });
    await expect.poll(finished(run.id), { timeout: 10_000 }).toBe(true);
    expect(fake.requests.at(-1)!.body.messages).toEqual([
      { role: 'system', content: 'Translate to French.' },
      { role: 'user', content: 'cat' },
      { role: 'assistant', content: 'chat (French)' },
      { role: 'user', content: 'dog' },
    ]);
    expect((await ask<PlaygroundRun>('playground.runGet', { runId: run.id })).version.messages).toEqual(
      saved.versions[0]!.messages,
    );
  });

  it('cancels every waiting and streaming cell, then re-runs one cell alone', async () => {
    const saved = await ask<SavedPrompt>('playground.save', { name: 'Stops', draft, cases });
    fake.setDefault({ kind: 'hang' });
    const run = await ask<PlaygroundRun>('playground.run', { versionId: saved.versions[0]!.id, concurrency: 1 });
    await expect.poll(() => cells.some((entry) => entry.cell.status === 'streaming'), { timeout: 5000 }).toBe(true);
    await ask('playground.cancel', { runId: run.id });
    await expect.poll(finished(run.id), { timeout: 5000 }).toBe(true);
    const cancelled = await ask<PlaygroundRun>('playground.runGet', { runId: run.id });
    expect(cancelled.cells.map((cell) => cell.status)).toEqual(Array(6).fill('cancelled'));

    fake.setDefault({ kind: 'text', text: 'Lima is the capital.', usage: { inputTokens: 3, outputTokens: 4 } });
    const requests = fake.requests.length;
    await ask('playground.rerunCell', { runId: run.id, caseId: 'c2', modelId: 'fake/slow-model' });
    await expect.poll(finished(run.id), { timeout: 5000 }).toBe(true);
    expect(fake.requests.length).toBe(requests + 1);
    const rerun = await ask<PlaygroundRun>('playground.runGet', { runId: run.id });
    expect(rerun.cells.map((cell) => cell.status)).toEqual([...Array(4).fill('cancelled'), 'ok', 'cancelled']);
    expect(rerun.cells[4]).toMatchObject({ text: 'Lima is the capital.', passed: true });
  });

  it('reopens a run exactly as it was after a restart, and refuses unknown runs and versions in words', async () => {
    const saved = await ask<SavedPrompt>('playground.save', { name: 'Kept', draft, cases });
    const second = await ask<SavedPrompt>('playground.save', {
      promptId: saved.id,
      name: 'Kept',
      note: 'cooler',
      draft: { ...draft, params: { temperature: 0 } },
      cases,
    });
    expect(second.versions.map((version) => [version.number, version.note])).toEqual([
      [1, ''],
      [2, 'cooler'],
    ]);
    const run = await ask<PlaygroundRun>('playground.run', { versionId: second.versions[1]!.id, concurrency: 3 });
    await expect.poll(finished(run.id), { timeout: 10_000 }).toBe(true);
    const before = await ask<PlaygroundRun>('playground.runGet', { runId: run.id });
    expect(before.version.params).toEqual({ temperature: 0 });

    await core.dispose();
    core = createCoreFromServices(createServices({ dataDir: home }));
    expect(await ask<PlaygroundRun>('playground.runGet', { runId: run.id })).toEqual(before);

    const unknown = await core.dispatch('playground.runGet', { runId: 'nope' }, context);
    expect(unknown).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not in the history/) } });
    const noVersion = await core.dispatch('playground.run', { versionId: 'nope', concurrency: 1 }, context);
    expect(noVersion).toMatchObject({ ok: false, error: { message: 'That version is not in the history.' } });
  });
});
