import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compareMigration } from './compare-tables';
import { compareVotesMigration } from './compare-votes';
import { migrations } from './migrations';
import { openStore } from './open-store';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'switchboard-votes-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const vote = {
  modelIds: ['fake/slow', 'fake/fast'],
  outcome: 'win' as const,
  winner: 'fake/fast',
  sessionId: 'session-1',
  roundId: 'session-1/1',
};

describe('Compare votes', () => {
  it('upgrades a history of the release before (schema 10, Compare sessions) with rows in it, keeping every row', () => {
    const index = migrations.findIndex((migration) => migration.sql === compareVotesMigration);
    // Release 11: right after Compare's sessions (release 10), and the last one.
    expect(index).toBe(10);
    expect(migrations[index - 1]!.sql).toBe(compareMigration);
    const before = new Database(join(dir, 'switchboard.db'));
    for (const migration of migrations.slice(0, index)) before.exec(migration.sql);
    before.pragma(`user_version = ${index}`);
    before.exec(`
      INSERT INTO conversations (id, title, created_at, updated_at) VALUES ('conv', 'Kept', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z');
      INSERT INTO messages (id, conversation_id, role, content, created_at) VALUES ('msg', 'conv', 'user', 'Hello', '2026-11-01T00:00:00.000Z');
      INSERT INTO usage (id, created_at, source, status, requested_model, total_ms, cost_source, attempts, conversation_id)
        VALUES ('call', '2026-11-01T00:00:00.000Z', 'app', 'ok', 'fake/fast', 900, 'unknown', '[]', 'conv');
      INSERT INTO model_lists (endpoint_id, kind, fetched_at, models) VALUES ('fake', 'openai-compatible', '2026-11-01T00:00:00.000Z', '[]');
      INSERT INTO playground_prompts (id, name, cases, created_at, updated_at) VALUES ('p', 'Kept prompt', '[]', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z');
      INSERT INTO compare_sessions (id, title, setup, created_at, updated_at) VALUES ('session-1', 'Kept compare', '{"panes":[{"modelId":"fake/fast","conversationId":"conv"}]}', '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z');
      INSERT INTO compare_panes (conversation_id, session_id) VALUES ('conv', 'session-1');
      INSERT INTO compare_model_sets (id, name, setup, updated_at) VALUES ('set', 'Kept set', '{"panes":[]}', '2026-11-01T00:00:00.000Z');
    `);
    before.close();

    const store = openStore(dir);
    // The pane's conversation stays hidden from History, and its compare, panes and model set are kept.
    expect(store.listConversations()).toEqual([]);
    expect(store.getConversation('conv')?.title).toBe('Kept');
    expect(store.compare.getSession('session-1')?.title).toBe('Kept compare');
    expect(store.compare.hasPane('session-1', 'conv')).toBe(true);
    expect(store.compare.listSets().map((set) => set.name)).toEqual(['Kept set']);
    expect(store.listMessages('conv').map((row) => row.content)).toEqual(['Hello']);
    expect(store.listUsage().map((row) => row.id)).toEqual(['call']);
    expect(store.modelLists.all().map((list) => list.endpointId)).toEqual(['fake']);
    expect(store.playground.listPrompts().map((prompt) => prompt.name)).toEqual(['Kept prompt']);
    expect(store.compareVotes.all()).toEqual([]);
    expect(store.compareVotes.add(vote)).toMatchObject({ winner: 'fake/fast', sessionId: 'session-1' });
    store.close();
    const db = new Database(join(dir, 'switchboard.db'), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    db.close();
  });

  it('keeps each vote with its models in the order shown, the outcome, the conversation and the time', () => {
    let store = openStore(dir);
    const at = new Date('2026-11-26T15:00:00.000Z');
    const kept = store.compareVotes.add(vote, at)!;
    store.compareVotes.add({ ...vote, outcome: 'tie', winner: null, roundId: null, sessionId: null });
    store.compareVotes.add({ ...vote, outcome: 'both-bad', winner: null, roundId: null, sessionId: null });
    store.close();
    store = openStore(dir);
    const votes = store.compareVotes.all();
    expect(votes[0]).toEqual({ ...vote, id: kept.id, createdAt: '2026-11-26T15:00:00.000Z' });
    expect(votes.map((row) => [row.outcome, row.winner])).toEqual([
      ['win', 'fake/fast'],
      ['tie', null],
      ['both-bad', null],
    ]);
    store.close();
  });

  it('counts one vote per compare: a second vote on the same round is not kept', () => {
    const store = openStore(dir);
    expect(store.compareVotes.add(vote)).toBeDefined();
    expect(store.compareVotes.add({ ...vote, winner: 'fake/slow' })).toBeUndefined();
    expect(store.compareVotes.all().map((row) => row.winner)).toEqual(['fake/fast']);
    store.close();
  });

  it('refuses a win without a winner, and a tie with one, in the table itself', () => {
    const store = openStore(dir);
    expect(() => store.compareVotes.add({ ...vote, winner: null })).toThrow();
    expect(() => store.compareVotes.add({ ...vote, outcome: 'tie' })).toThrow();
    expect(store.compareVotes.all()).toEqual([]);
    store.close();
  });

  it('clears every vote for a new leaderboard, and nothing else', () => {
    const store = openStore(dir);
    store.compareVotes.add(vote);
    store.compareVotes.add({ ...vote, roundId: 'session-1/2' });
    expect(store.compareVotes.clear()).toBe(2);
    expect(store.compareVotes.all()).toEqual([]);
    expect(store.compareVotes.add(vote)).toBeDefined();
    store.close();
  });
});
