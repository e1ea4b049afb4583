import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { usageRecord as record } from '../../shared/types/__fixtures__/usage-record';
import { switchboardApplicationId } from './history-file';
import { migrations } from './migrations';
import { openStore } from './open-store';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'switchboard-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('SQLite store', () => {
  it('round-trips every usage field, keeps unknown cost as null, and lists newest first', () => {
    const store = openStore(dir);
    store.recordUsage(record('a', '2026-11-01T10:00:00.000Z'));
    store.recordUsage(
      record('b', '2026-11-02T10:00:00.000Z', {
        costUSD: null,
        costSource: 'unknown',
        usage: { inputTokens: 1, cacheReadTokens: 0, cacheWriteTokens: 0, outputTokens: 2, reasoningTokens: 1 },
      }),
    );
    store.recordUsage(
      record('c', '2026-11-03T10:00:00.000Z', {
        status: 'error',
        usage: null,
        costUSD: null,
        costSource: 'unknown',
        target: null,
        error: 'every target failed',
      }),
    );
    store.close();

    const reopened = openStore(dir);
    const rows = reopened.listUsage();
    expect(rows.map((row) => row.id)).toEqual(['c', 'b', 'a']);
    expect(rows[2]).toEqual(record('a', '2026-11-01T10:00:00.000Z'));
    expect(rows[1]!.costUSD).toBeNull();
    expect(rows[1]!.usage!.reasoningTokens).toBe(1);
    expect(rows[0]!.usage).toBeNull();
    expect(reopened.listUsage({ since: '2026-11-02' }).map((row) => row.id)).toEqual(['c', 'b']);
    expect(reopened.listUsage({ limit: 1 }).map((row) => row.id)).toEqual(['c']);
    reopened.close();
  });

  it("migrates once, records the schema version and marks the file as Switchboard's", () => {
    openStore(dir).close();
    openStore(dir).close();
    const db = new Database(join(dir, 'switchboard.db'));
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('application_id', { simple: true })).toBe(switchboardApplicationId);
    db.close();
  });

  it('upgrades a history written by the first schema without losing a row', () => {
    const first = new Database(join(dir, 'switchboard.db'));
    first.exec(migrations[0]!.sql);
    first.pragma('user_version = 1');
    first
      .prepare(
        `INSERT INTO usage (id, created_at, source, status, requested_model, total_ms, cost_source, attempts)
         VALUES ('kept', '2026-11-01T00:00:00.000Z', 'app', 'ok', 'fast', 900, 'unknown', '[]')`,
      )
      .run();
    first.close();

    const store = openStore(dir);
    expect(store.listUsage().map((row) => row.id)).toEqual(['kept']);
    // Columns added later read as unknown for the rows before them.
    expect(store.listUsage()[0]).toMatchObject({ apiProtocol: null, apiPath: null });
    const marked = new Database(join(dir, 'switchboard.db'), { readonly: true });
    expect(marked.pragma('application_id', { simple: true })).toBe(switchboardApplicationId);
    marked.close();
    store.putCachedAnswer(
      'k',
      { target: 'a/m', servedModel: null, finishReason: null, text: 'x' },
      '2026-11-25T00:00:00.000Z',
      '2026-11-26T00:00:00.000Z',
    );
    expect(store.getCachedAnswer('k', '2026-11-25T00:00:01.000Z')?.text).toBe('x');
    store.close();
  });

  it('keeps conversations with the model that wrote each message', () => {
    const store = openStore(dir);
    const conversation = store.createConversation({ title: 'Hello' });
    store.addMessage({ conversationId: conversation.id, role: 'user', content: 'Hi' });
    store.addMessage({
      conversationId: conversation.id,
      role: 'assistant',
      content: 'Hello!',
      model: 'local/llama3.2',
      status: 'ok',
    });
    expect(store.listMessages(conversation.id).map((m) => [m.role, m.content, m.model])).toEqual([
      ['user', 'Hi', null],
      ['assistant', 'Hello!', 'local/llama3.2'],
    ]);
    expect(store.listConversations()[0]!.title).toBe('Hello');
    expect(store.removeConversation(conversation.id)).toBe(true);
    expect(store.listConversations()).toEqual([]);
    expect(store.listMessages(conversation.id)).toEqual([]);
    expect(store.removeConversation(conversation.id)).toBe(false);
    store.close();
  });

  it('sums spend by model over every matching call, pricing only priced calls', () => {
    const store = openStore(dir);
    const usage = { inputTokens: 10, cacheReadTokens: 0, cacheWriteTokens: 0, outputTokens: 5, reasoningTokens: null };
    store.recordUsage(record('a', '2026-11-01T00:00:00.000Z', { target: 'x/big', costUSD: 0.5, usage }));
    store.recordUsage(
      record('b', '2026-11-02T00:00:00.000Z', { target: 'x/big', costUSD: 0.25, usage, source: 'app' }),
    );
    store.recordUsage(
      record('c', '2026-11-03T00:00:00.000Z', { target: 'y/free', costUSD: null, costSource: 'unknown', usage }),
    );
    store.recordUsage(
      record('d', '2026-11-04T00:00:00.000Z', {
        requestedModel: 'fast',
        target: null,
        status: 'error',
        usage: null,
        costUSD: null,
        costSource: 'unknown',
      }),
    );
    expect(store.spendByModel()).toEqual([
      {
        model: 'x/big',
        calls: 2,
        inputTokens: 20,
        outputTokens: 10,
        costUSD: 0.75,
        pricedCalls: 2,
        unpricedCalls: 0,
        failedCalls: 0,
      },
      {
        model: 'fast',
        calls: 1,
        inputTokens: 0,
        outputTokens: 0,
        costUSD: 0,
        pricedCalls: 0,
        unpricedCalls: 0,
        failedCalls: 1,
      },
      {
        model: 'y/free',
        calls: 1,
        inputTokens: 10,
        outputTokens: 5,
        costUSD: 0,
        pricedCalls: 0,
        unpricedCalls: 1,
        failedCalls: 0,
      },
    ]);
    expect(store.spendByModel({ since: '2026-11-02' }).map((spend) => [spend.model, spend.calls])).toEqual([
      ['x/big', 1],
      ['fast', 1],
      ['y/free', 1],
    ]);
    expect(store.spendByModel({ source: 'app' }).map((spend) => [spend.model, spend.calls])).toEqual([['x/big', 1]]);
    expect(store.listUsage({ source: 'app' }).map((row) => row.id)).toEqual(['b']);
    store.close();
  });

  it('keeps cached answers until they expire, replacing one under the same key', () => {
    const store = openStore(dir);
    const answer = {
      target: 'local/llama3.2',
      servedModel: 'llama3.2',
      finishReason: 'stop',
      text: 'Paris.',
      costUSD: 0.0021,
    };
    store.putCachedAnswer('k1', answer, '2026-11-25T10:00:00.000Z', '2026-11-25T10:10:00.000Z');
    expect(store.getCachedAnswer('k1', '2026-11-25T10:09:59.999Z')).toEqual(answer);
    expect(store.getCachedAnswer('k1', '2026-11-25T10:10:00.000Z')).toBeUndefined();
    expect(store.getCachedAnswer('other', '2026-11-25T10:00:01.000Z')).toBeUndefined();

    store.putCachedAnswer('k1', { ...answer, text: 'Paris!' }, '2026-11-25T10:01:00.000Z', '2026-11-25T10:20:00.000Z');
    expect(store.getCachedAnswer('k1', '2026-11-25T10:15:00.000Z')?.text).toBe('Paris!');
    // Writing drops what has expired.
    store.putCachedAnswer('k2', answer, '2026-11-25T10:30:00.000Z', '2026-11-25T10:40:00.000Z');
    const rows = new Database(join(dir, 'switchboard.db'), { readonly: true });
    expect(rows.prepare('SELECT key FROM response_cache').all()).toEqual([{ key: 'k2' }]);
    rows.close();
    store.close();
  });

  it('names the file and the fix when the database is damaged, and leaves it in place', () => {
    writeFileSync(
      join(dir, 'switchboard.db'),
      'this is not a database, it is a text file that is long enough to matter',
    );
    expect(() => openStore(dir)).toThrow(
      /switchboard\.db failed \(SQLITE_NOTADB\)\. The file is damaged: move it aside/,
    );
  });

  it('names the columns of every insert, so an added column shifts no value', () => {
    openStore(dir).close();
    const db = new Database(join(dir, 'switchboard.db'));
    for (const table of ['usage', 'conversations', 'messages', 'response_cache']) {
      db.exec(`ALTER TABLE ${table} ADD COLUMN added_later TEXT`);
    }
    db.close();
    const store = openStore(dir);
    store.recordUsage(record('a', '2026-11-01T10:00:00.000Z'));
    expect(store.listUsage()[0]).toEqual(record('a', '2026-11-01T10:00:00.000Z'));
    const conversation = store.createConversation({ title: 'Kept' });
    store.addMessage({ conversationId: conversation.id, role: 'user', content: 'Hi' });
    expect(store.listMessages(conversation.id).map((message) => message.content)).toEqual(['Hi']);
    const answer = { target: 'a/m', servedModel: 'm', finishReason: 'stop', text: 'x', costUSD: null };
    store.putCachedAnswer('k', answer, '2026-11-25T00:00:00.000Z', '2026-11-26T00:00:00.000Z');
    expect(store.getCachedAnswer('k', '2026-11-25T00:00:01.000Z')).toEqual(answer);
    store.close();
  });

  it('compares since in UTC whatever offset it is written with', () => {
    const store = openStore(dir);
    store.recordUsage(record('before', '2026-11-01T07:59:59.999Z'));
    store.recordUsage(record('after', '2026-11-01T08:30:00.000Z'));
    // 10:00 at +02:00 is 08:00 UTC: as text "2026-11-01T08:30…Z" sorts before "2026-11-01T10:00…".
    for (const since of ['2026-11-01T10:00:00+02:00', '2026-11-01T10:00+0200', '2026-11-01T03:00:00-05:00']) {
      expect(store.listUsage({ since }).map((row) => row.id)).toEqual(['after']);
      expect(store.spendByModel({ since }).reduce((calls, spend) => calls + spend.calls, 0)).toBe(1);
    }
    expect(store.listUsage({ since: '2026-11-01' }).map((row) => row.id)).toEqual(['after', 'before']);
    expect(() => store.listUsage({ since: '2026-02-31' })).toThrow(
      /since "2026-02-31" is not a date; use e\.g\. 2026-11-01 or 2026-11-01T10:00:00\+02:00/,
    );
    store.close();
  });
});
