import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from './migrations';
import { openStore } from './open-store';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'switchboard-model-lists-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const list = (endpointId: string, models: string[]) => ({
  endpointId,
  kind: 'openai-compatible',
  baseURL: 'http://127.0.0.1:11434/v1',
  fetchedAt: '2026-11-01T08:00:00.000Z',
  models: models.map((model) => ({ model, contextWindow: 8192 })),
});

describe('model lists in the history', () => {
  it('upgrades a history of the schema before them, keeping every row', () => {
    const file = join(dir, 'switchboard.db');
    const before = new Database(file);
    const previous = migrations.findIndex((migration) => migration.sql.includes('CREATE TABLE model_lists'));
    migrations.slice(0, previous).forEach((migration) => before.exec(migration.sql));
    before.pragma(`user_version = ${previous}`);
    before
      .prepare(
        "INSERT INTO conversations VALUES ('c1', 'Kept', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z')",
      )
      .run();
    before
      .prepare(
        `INSERT INTO messages (id, conversation_id, role, content, created_at) VALUES ('m1', 'c1', 'user', 'Hello', '2026-11-01T00:00:00.000Z')`,
      )
      .run();
    before
      .prepare(
        `INSERT INTO usage (id, created_at, source, status, requested_model, total_ms, cost_source, attempts)
         VALUES ('u1', '2026-11-01T00:00:00.000Z', 'app', 'ok', 'fast', 900, 'unknown', '[]')`,
      )
      .run();
    before.close();

    const store = openStore(dir);
    expect(store.listConversations().map((conversation) => conversation.title)).toEqual(['Kept']);
    expect(store.listMessages('c1').map((message) => message.content)).toEqual(['Hello']);
    expect(store.listUsage().map((row) => row.id)).toEqual(['u1']);
    store.modelLists.put(list('local', ['llama3.2']));
    expect(store.modelLists.get('local')).toEqual(list('local', ['llama3.2']));
    store.close();
  });

  it('keeps one list per endpoint, replaced by the next fetch, across reopening, and drops it on request', () => {
    const store = openStore(dir);
    store.modelLists.put(list('local', ['a', 'b']));
    store.modelLists.put(list('other', ['c']));
    store.modelLists.put(list('local', ['d']));
    store.close();

    const reopened = openStore(dir);
    expect(
      reopened.modelLists.all().map((entry) => [entry.endpointId, entry.models.map((model) => model.model)]),
    ).toEqual([
      ['local', ['d']],
      ['other', ['c']],
    ]);
    expect(reopened.modelLists.remove('local')).toBe(true);
    expect(reopened.modelLists.remove('local')).toBe(false);
    expect(reopened.modelLists.get('local')).toBeUndefined();
    reopened.close();
  });

  it('reads a damaged list as an empty one, which the next refresh replaces', () => {
    openStore(dir).close();
    const db = new Database(join(dir, 'switchboard.db'));
    db.prepare(
      "INSERT INTO model_lists VALUES ('local', 'openai-compatible', NULL, '2026-11-01T08:00:00.000Z', '{not json')",
    ).run();
    db.close();
    const store = openStore(dir);
    expect(store.modelLists.get('local')?.models).toEqual([]);
    store.close();
  });
});
