import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CompareSetup } from '../../shared/contract/compare';
import { compareMigration } from './compare-tables';
import { migrations } from './migrations';
import { openStore } from './open-store';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'switchboard-compare-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const setup: CompareSetup = {
  shared: { system: 'Be brief.', temperature: 0.2 },
  panes: [
    { modelId: 'a/m', overrides: {} },
    { modelId: 'b/m', overrides: { topP: 0.5 } },
  ],
  layout: 'grid',
  widePane: 1,
};

describe('Compare tables', () => {
  it('upgrades a history of the release before (schema 9) with rows in it, keeping every row', () => {
    const index = migrations.findIndex((migration) => migration.sql === compareMigration);
    expect(index).toBe(9);
    const before = new Database(join(dir, 'switchboard.db'));
    for (const migration of migrations.slice(0, index)) before.exec(migration.sql);
    before.pragma(`user_version = ${index}`);
    before.exec(`
      INSERT INTO conversations (id, title, created_at, updated_at, settings) VALUES ('conv', 'Kept', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z', '{"temperature":1}');
      INSERT INTO messages (id, conversation_id, role, content, created_at) VALUES ('msg', 'conv', 'user', 'Hello', '2026-11-01T00:00:00.000Z');
      INSERT INTO usage (id, created_at, source, status, requested_model, total_ms, cost_source, attempts)
        VALUES ('call', '2026-11-01T00:00:00.000Z', 'app', 'ok', 'a/m', 900, 'unknown', '[]');
      INSERT INTO playground_prompts (id, name, cases, created_at, updated_at) VALUES ('p', 'Prompt', '[]', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z');
    `);
    before.close();

    const store = openStore(dir);
    expect(store.listConversations().map((row) => [row.id, row.settings])).toEqual([['conv', { temperature: 1 }]]);
    expect(store.listMessages('conv').map((row) => row.content)).toEqual(['Hello']);
    expect(store.listUsage().map((row) => row.id)).toEqual(['call']);
    expect(store.playground.listPrompts().map((prompt) => prompt.id)).toEqual(['p']);
    store.compare.saveSet('Pair', setup);
    expect(store.compare.listSets().map((set) => set.name)).toEqual(['Pair']);
    store.close();
    const db = new Database(join(dir, 'switchboard.db'), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    db.close();
  });

  it('hides a pane conversation from History and its search until it is continued', () => {
    const store = openStore(dir);
    const chat = store.createConversation({ title: 'A chat' });
    const pane = store.createConversation({ title: 'Which is best?' });
    store.addMessage({ conversationId: pane.id, role: 'user', content: 'zebra question' });
    const sessionId = store.compare.createSession('Which is best?', setup);
    store.compare.addPane(sessionId, pane.id);
    expect(store.listConversations().map((row) => row.id)).toEqual([chat.id]);
    expect(store.searchMessages('zebra', 10)).toEqual([]);
    // Still an ordinary conversation: it opens by id.
    expect(store.getConversation(pane.id)?.title).toBe('Which is best?');

    expect(store.compare.continuePane(sessionId, 'elsewhere')).toBe(false);
    expect(store.compare.continuePane(sessionId, pane.id)).toBe(true);
    expect(
      store
        .listConversations()
        .map((row) => row.id)
        .sort(),
    ).toEqual([chat.id, pane.id].sort());
    expect(store.searchMessages('zebra', 10).map((hit) => hit.conversationId)).toEqual([pane.id]);
    store.close();
  });

  it('keeps sessions, model sets by name and the current setup across a reopen', () => {
    let store = openStore(dir);
    const sessionId = store.compare.createSession('First', setup);
    const withPanes = { ...setup, panes: setup.panes.map((pane, index) => ({ ...pane, conversationId: `c${index}` })) };
    expect(store.compare.saveSessionSetup(sessionId, withPanes)).toBe(true);
    expect(store.compare.saveSessionSetup('missing', withPanes)).toBe(false);
    store.compare.saveSet('Pair', setup);
    store.compare.saveSet('pair two', { ...setup, layout: 'columns' });
    store.compare.saveSet('Pair', { ...setup, widePane: null });
    expect(store.compare.getCurrent()).toBeNull();
    store.compare.saveCurrent({ setup, prompt: 'Half-written', sessionId });
    store.close();

    store = openStore(dir);
    expect(store.compare.getSession(sessionId)).toEqual({ id: sessionId, title: 'First', setup: withPanes });
    expect(store.compare.listSessions(10)).toMatchObject([{ id: sessionId, title: 'First', modelIds: ['a/m', 'b/m'] }]);
    const sets = store.compare.listSets();
    expect(sets.map((set) => [set.name, set.setup.widePane, set.setup.layout])).toEqual([
      ['Pair', null, 'grid'],
      ['pair two', 1, 'columns'],
    ]);
    store.compare.removeSet(sets[0]!.id);
    expect(store.compare.listSets().map((set) => set.name)).toEqual(['pair two']);
    expect(store.compare.getCurrent()).toEqual({ setup, prompt: 'Half-written', sessionId });
    store.close();
  });
});
