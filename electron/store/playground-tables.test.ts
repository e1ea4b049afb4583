import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlaygroundCell, PlaygroundRun } from '../../shared/contract/playground';
import { migrations } from './migrations';
import { openStore } from './open-store';
import { playgroundMigration } from './playground-tables';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'switchboard-playground-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const draft = {
  system: 'You are {{tone}}.',
  user: 'Describe {{city}}',
  params: { temperature: 0.2 },
  modelIds: ['a/m'],
};
const cases = [
  { id: 'c1', values: { tone: 'brief', city: 'Oslo' }, checks: [{ kind: 'contains' as const, value: 'Oslo' }] },
];

describe('Playground tables', () => {
  it('upgrades a history of the schema before it, with rows in every table, keeping every row', () => {
    const index = migrations.findIndex((migration) => migration.sql === playgroundMigration);
    expect(index).toBeGreaterThan(0);
    const before = new Database(join(dir, 'switchboard.db'));
    for (const migration of migrations.slice(0, index)) before.exec(migration.sql);
    before.pragma(`user_version = ${index}`);
    before.exec(`
      INSERT INTO conversations (id, title, created_at, updated_at) VALUES ('conv', 'Kept', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z');
      INSERT INTO messages (id, conversation_id, role, content, created_at) VALUES ('msg', 'conv', 'user', 'Hello', '2026-11-01T00:00:00.000Z');
      INSERT INTO usage (id, created_at, source, status, requested_model, total_ms, cost_source, attempts)
        VALUES ('call', '2026-11-01T00:00:00.000Z', 'app', 'ok', 'a/m', 900, 'unknown', '[]');
      INSERT INTO model_lists (endpoint_id, kind, fetched_at, models) VALUES ('a', 'openai-compatible', '2026-11-01T00:00:00.000Z', '[]');
    `);
    before.close();

    const store = openStore(dir);
    expect(store.listConversations().map((row) => row.id)).toEqual(['conv']);
    expect(store.listMessages('conv').map((row) => row.content)).toEqual(['Hello']);
    expect(store.listUsage().map((row) => row.id)).toEqual(['call']);
    expect(store.modelLists.all().map((list) => list.endpointId)).toEqual(['a']);
    const saved = store.playground.savePrompt({ name: 'After the upgrade', note: 'first', draft, cases });
    expect(saved?.versions.map((version) => version.number)).toEqual([1]);
    store.close();
    const db = new Database(join(dir, 'switchboard.db'), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    db.close();
  });

  it('keeps every save as a numbered version with its note and time, and the cases with the prompt', () => {
    const store = openStore(dir);
    const first = store.playground.savePrompt({ name: 'Cities', note: 'first try', draft, cases })!;
    const second = store.playground.savePrompt({
      promptId: first.id,
      name: 'Cities',
      note: 'warmer',
      draft: { ...draft, params: { temperature: 0.9 } },
      cases: [...cases, { id: 'c2', values: { tone: 'long', city: 'Lima' }, checks: [] }],
    })!;
    expect(second.versions.map(({ number, note, params }) => ({ number, note, params }))).toEqual([
      { number: 1, note: 'first try', params: { temperature: 0.2 } },
      { number: 2, note: 'warmer', params: { temperature: 0.9 } },
    ]);
    expect(Date.parse(second.versions[1]!.createdAt)).not.toBeNaN();
    expect(second.cases.map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(store.playground.listPrompts()).toMatchObject([{ id: first.id, name: 'Cities', versionCount: 2 }]);
    expect(store.playground.savePrompt({ promptId: 'gone', name: 'x', note: '', draft, cases })).toBeUndefined();
    store.close();
  });

  it('reopens a run as it was, in cell order, with each cell as last written', () => {
    let store = openStore(dir);
    const prompt = store.playground.savePrompt({
      name: 'Cities',
      note: '',
      draft: { ...draft, modelIds: ['a/m', 'b/m'] },
      cases,
    })!;
    const version = prompt.versions[0]!;
    const cell = (modelId: string): PlaygroundCell => ({
      caseId: 'c1',
      modelId,
      status: 'waiting',
      streamId: null,
      text: '',
      timeToFirstTokenMs: null,
      tokensPerSecond: null,
      outputTokens: null,
      costUSD: null,
      totalMs: null,
      error: null,
      checks: [],
      passed: null,
    });
    const run: PlaygroundRun = {
      id: 'run-1',
      promptId: prompt.id,
      versionId: version.id,
      versionNumber: 1,
      createdAt: '2026-11-26T10:00:00.000Z',
      version: { system: version.system, user: version.user, params: version.params, modelIds: version.modelIds },
      cases,
      concurrency: 2,
      cells: [cell('b/m'), cell('a/m')],
    };
    store.playground.createRun(run);
    const finished: PlaygroundCell = {
      ...cell('a/m'),
      status: 'ok',
      text: 'Oslo is cold.',
      timeToFirstTokenMs: 120,
      costUSD: 0.0001,
      checks: [{ check: cases[0]!.checks[0]!, passed: true }],
      passed: true,
    };
    store.playground.putCell('run-1', finished);
    store.close();

    store = openStore(dir);
    expect(store.playground.getRun('run-1')).toEqual({ ...run, cells: [cell('b/m'), finished] });
    expect(store.playground.listRuns(prompt.id)).toEqual([
      { id: 'run-1', createdAt: run.createdAt, versionNumber: 1, modelCount: 2, caseCount: 1 },
    ]);
    expect(store.playground.getRun('missing')).toBeUndefined();
    store.close();
  });
});
