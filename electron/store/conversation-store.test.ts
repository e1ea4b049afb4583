import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { usageRecord } from '../../shared/types/__fixtures__/usage-record';
import { migrations } from './migrations';
import { openStore } from './open-store';
import type { Store } from './types';
import { toUsageRow, usageColumns } from './usage-rows';

let dir: string;
let store: Store | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'switchboard-conversations-'));
});
afterEach(() => {
  store?.close();
  store = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const contents = (messages: { content: string }[]) => messages.map((message) => message.content);

/** A history as the release before the chat loop wrote it: schema 3, with conversations, messages and usage. */
function writeHistoryOfSchema3() {
  const db = new Database(join(dir, 'switchboard.db'));
  for (const migration of migrations.slice(0, 3)) db.exec(migration.sql);
  db.pragma('user_version = 3');
  const conversation = db.prepare('INSERT INTO conversations (id, title, created_at, updated_at) VALUES (?, ?, ?, ?)');
  const message = db.prepare(
    'INSERT INTO messages (id, conversation_id, role, content, model, status, usage_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  // The usage columns schema 3 had: later ones (API protocol and path, savings, route decisions) came after it.
  const later = new Set(['api_protocol', 'api_path', 'saved_usd', 'route_decision']);
  const columns = usageColumns.filter((column) => !later.has(column));
  const usage = db.prepare(
    `INSERT INTO usage (${columns.join(', ')}) VALUES (${columns.map((column) => `@${column}`).join(', ')})`,
  );
  conversation.run('chat', 'Capital of France?', '2026-11-01T10:00:00.000Z', '2026-11-01T10:05:00.000Z');
  const row = toUsageRow(usageRecord('call-paris', '2026-11-01T10:00:01.000Z', { conversationId: 'chat' }));
  usage.run(Object.fromEntries(columns.map((column) => [column, row[column as keyof typeof row]])));
  message.run('m1', 'chat', 'user', 'Capital of France?', null, null, null, '2026-11-01T10:00:00.000Z');
  message.run('m2', 'chat', 'assistant', 'Paris.', 'local/llama3.2', 'ok', 'call-paris', '2026-11-01T10:00:02.000Z');
  // A failed question from before failed answers were kept: no answer follows it.
  message.run('m3', 'chat', 'user', 'And of Narnia?', null, null, null, '2026-11-01T10:01:00.000Z');
  message.run('m4', 'chat', 'user', 'And of Italy?', null, null, null, '2026-11-01T10:02:00.000Z');
  // Written in the same millisecond: the written order (rowid) decides.
  message.run('m5', 'chat', 'assistant', 'Rome.', 'local/llama3.2', 'ok', null, '2026-11-01T10:02:00.000Z');
  conversation.run('compare', 'Greet me', '2026-11-02T10:00:00.000Z', '2026-11-02T10:00:00.000Z');
  message.run('c1', 'compare', 'system', 'Answer in French.', null, null, null, '2026-11-02T10:00:00.000Z');
  message.run('c2', 'compare', 'user', 'Greet me', null, null, null, '2026-11-02T10:00:00.000Z');
  message.run('c3', 'compare', 'assistant', 'Bonjour !', 'a/fast', 'ok', null, '2026-11-02T10:00:01.000Z');
  message.run('c4', 'compare', 'assistant', 'Salut !', 'b/slow', 'ok', null, '2026-11-02T10:00:01.000Z');
  db.close();
}

describe('upgrading a history to the chat loop', () => {
  it('keeps every conversation as one branch, in the order it was written, searchable and with its usage', () => {
    writeHistoryOfSchema3();
    store = openStore(dir);

    expect(store.listConversations()).toEqual([
      {
        id: 'compare',
        title: 'Greet me',
        updatedAt: '2026-11-02T10:00:00.000Z',
        isPinned: false,
        modelId: null,
        settings: {},
      },
      {
        id: 'chat',
        title: 'Capital of France?',
        updatedAt: '2026-11-01T10:05:00.000Z',
        isPinned: false,
        modelId: null,
        settings: {},
      },
    ]);
    const chat = store.activePath('chat');
    expect(chat.map((message) => message.id)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
    expect(chat.map((message) => message.parentId)).toEqual([null, 'm1', 'm2', 'm3', 'm4']);
    expect(chat.every((message) => message.versionIds.length === 1)).toBe(true);
    // Columns added after schema 3 read as null on the old row.
    expect(chat[1]!.usage).toEqual(
      usageRecord('call-paris', '2026-11-01T10:00:01.000Z', {
        conversationId: 'chat',
        apiProtocol: null,
        apiPath: null,
        savedUSD: null,
      }),
    );
    expect(contents(store.activePath('compare'))).toEqual(['Answer in French.', 'Greet me', 'Bonjour !', 'Salut !']);
    expect(contents(store.listMessages('chat'))).toEqual([
      'Capital of France?',
      'Paris.',
      'And of Narnia?',
      'And of Italy?',
      'Rome.',
    ]);

    // The search index was built for the messages already there.
    expect(store.searchMessages('rome', 10).map((hit) => [hit.conversationId, hit.messageId])).toEqual([
      ['chat', 'm5'],
    ]);
    expect(store.searchMessages('bonj', 10)[0]).toMatchObject({
      conversationId: 'compare',
      title: 'Greet me',
      role: 'assistant',
      snippet: '\u0002Bonjour\u0003 !',
    });
  });
});

describe('a conversation as a tree of versions', () => {
  it('shows the version chosen last at each step, and a new message follows the branch shown', () => {
    store = openStore(dir);
    const { id } = store.createConversation({ title: 'Trip', modelId: 'a/fast', settings: { temperature: 0.2 } });
    const q1 = store.addMessage({ conversationId: id, role: 'user', content: 'Plan a trip' });
    const a1 = store.addMessage({ conversationId: id, role: 'assistant', content: 'Go to Rome.', status: 'ok' });
    expect(a1.parentId).toBe(q1.id);
    // Regenerate: another answer to the same question, shown from now on.
    const a2 = store.addMessage({ conversationId: id, parentId: q1.id, role: 'assistant', content: 'Go to Oslo.' });
    let path = store.activePath(id);
    expect(contents(path)).toEqual(['Plan a trip', 'Go to Oslo.']);
    expect(path[1]!.versionIds).toEqual([a1.id, a2.id]);

    const q2 = store.addMessage({ conversationId: id, role: 'user', content: 'In winter?' });
    expect(q2.parentId).toBe(a2.id);
    // Edit the first question: a new first message, beside the old one.
    const edited = store.addMessage({ conversationId: id, parentId: null, role: 'user', content: 'Plan a cheap trip' });
    path = store.activePath(id);
    expect(contents(path)).toEqual(['Plan a cheap trip']);
    expect(path[0]!.versionIds).toEqual([q1.id, edited.id]);

    // Stepping back to the first version finds the branch as it was left: Oslo, then winter.
    expect(store.activateMessage(id, q1.id)).toBe(true);
    expect(contents(store.activePath(id))).toEqual(['Plan a trip', 'Go to Oslo.', 'In winter?']);
    expect(store.activateMessage(id, a1.id)).toBe(true);
    expect(contents(store.activePath(id))).toEqual(['Plan a trip', 'Go to Rome.']);
    expect(contents(store.pathTo(id, q2.id))).toEqual(['Plan a trip', 'Go to Oslo.', 'In winter?']);
    expect(store.activateMessage(id, 'not-there')).toBe(false);
  });

  it('keeps attachments with their question, bytes and text as they were', () => {
    store = openStore(dir);
    const { id } = store.createConversation({ title: 'Files' });
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]).toString('base64');
    store.addMessage({
      conversationId: id,
      role: 'user',
      content: 'What is in these?',
      attachments: [
        { kind: 'image', name: 'dot.png', mediaType: 'image/png', dataBase64: png },
        { kind: 'text', name: 'notes.md', text: '# Notes\nÜber ```fences```\n' },
      ],
    });
    const [question] = store.activePath(id);
    expect(question!.attachments.map(({ id: _id, ...attachment }) => attachment)).toEqual([
      { kind: 'image', name: 'dot.png', mediaType: 'image/png', dataBase64: png },
      { kind: 'text', name: 'notes.md', text: '# Notes\nÜber ```fences```\n' },
    ]);
  });
});

describe('the history list', () => {
  it('lists pinned conversations first, renames, keeps the model and settings, and refuses one that is gone', () => {
    store = openStore(dir);
    const first = store.createConversation({ title: 'First' });
    const second = store.createConversation({ title: 'Second' });
    store.addMessage({ conversationId: second.id, role: 'user', content: 'Newer' });
    expect(store.listConversations().map((conversation) => conversation.title)).toEqual(['Second', 'First']);

    store.updateConversation(first.id, { isPinned: true, title: 'Pinned first', modelId: 'b/slow' });
    store.updateConversation(first.id, { settings: { system: 'Be brief.', seed: 7 } });
    expect(store.listConversations()).toMatchObject([
      { title: 'Pinned first', isPinned: true, modelId: 'b/slow', settings: { system: 'Be brief.', seed: 7 } },
      { title: 'Second', isPinned: false },
    ]);
    store.updateConversation(first.id, { isPinned: false });
    expect(store.listConversations().map((conversation) => conversation.title)).toEqual(['Second', 'Pinned first']);
    expect(() => store!.updateConversation('gone', { title: 'x' })).toThrow(/That conversation is gone/);
  });

  it('deletes softly: hidden from the list, messages and search until restored, then purged for good', () => {
    store = openStore(dir);
    const { id } = store.createConversation({ title: 'Secret plans' });
    store.addMessage({ conversationId: id, role: 'user', content: 'The treasure is under the oak' });
    expect(store.removeConversation(id, '2026-11-01T10:00:00.000Z')).toBe(true);
    expect(store.removeConversation(id)).toBe(false);
    expect(store.listConversations()).toEqual([]);
    expect(store.getConversation(id)).toBeUndefined();
    expect(store.listMessages(id)).toEqual([]);
    expect(store.searchMessages('treasure', 10)).toEqual([]);

    expect(store.restoreConversation(id)).toBe(true);
    expect(store.searchMessages('treasure', 10).map((hit) => hit.conversationId)).toEqual([id]);

    store.removeConversation(id, '2026-11-01T10:00:00.000Z');
    expect(store.purgeRemovedConversations('2026-11-01T09:59:59.999Z')).toBe(0);
    expect(store.purgeRemovedConversations('2026-11-01T10:00:00.000Z')).toBe(1);
    expect(store.restoreConversation(id)).toBe(false);
    // The search index lost its entries with the messages.
    store.close();
    const db = new Database(join(dir, 'switchboard.db'), { readonly: true });
    expect(db.prepare("SELECT count(*) AS count FROM messages_fts WHERE messages_fts MATCH 'treasure'").get()).toEqual({
      count: 0,
    });
    expect(db.prepare('SELECT count(*) AS count FROM messages').get()).toEqual({ count: 0 });
    db.close();
    store = undefined;
  });

  it('purges, on opening, what was deleted over a minute ago, and keeps what may still be undone', () => {
    store = openStore(dir);
    const old = store.createConversation({ title: 'Old' });
    const recent = store.createConversation({ title: 'Recent' });
    store.removeConversation(old.id, new Date(Date.now() - 120_000).toISOString());
    store.removeConversation(recent.id);
    store.close();
    store = openStore(dir);
    expect(store.restoreConversation(old.id)).toBe(false);
    expect(store.restoreConversation(recent.id)).toBe(true);
  });

  it('finds every word as a prefix, without accents mattering, and never fails on what is typed', () => {
    store = openStore(dir);
    const { id } = store.createConversation({ title: 'Cafés' });
    store.addMessage({ conversationId: id, role: 'user', content: 'Where is the best café in Zürich?' });
    store.addMessage({ conversationId: id, role: 'assistant', content: 'Try Café Sprüngli on Paradeplatz.' });
    expect(store.searchMessages('zurich cafe', 10).map((hit) => hit.snippet)).toEqual([
      'Where is the best \u0002café\u0003 in \u0002Zürich\u0003?',
    ]);
    expect(store.searchMessages('spr para', 10)).toHaveLength(1);
    expect(store.searchMessages('"unclosed AND OR NEAR(', 10)).toEqual([]);
    expect(store.searchMessages('   ', 10)).toEqual([]);
  });
});

describe('export and import', () => {
  it('imports an export as a new conversation with every branch, the branch shown, and the answers’ measurements', () => {
    store = openStore(dir);
    const { id } = store.createConversation({ title: 'Trip', modelId: 'a/fast', settings: { system: 'Be brief.' } });
    store.recordUsage(usageRecord('call-1', '2026-11-01T10:00:00.000Z', { conversationId: id }));
    const question = store.addMessage({ conversationId: id, role: 'user', content: 'Plan a trip' });
    store.addMessage({ conversationId: id, role: 'assistant', content: 'Rome.', status: 'ok', usageId: 'call-1' });
    const oslo = store.addMessage({ conversationId: id, parentId: question.id, role: 'assistant', content: 'Oslo.' });
    store.activateMessage(id, store.activePath(id)[1]!.versionIds[0]!);

    const file = store.exportConversation(id, '2026-11-02T00:00:00.000Z');
    expect(file.activeMessageId).not.toBe(oslo.id);
    const imported = store.importConversation(file);
    expect(imported).toMatchObject({ title: 'Trip', modelId: 'a/fast', settings: { system: 'Be brief.' } });
    expect(imported.id).not.toBe(id);
    const path = store.activePath(imported.id);
    expect(contents(path)).toEqual(['Plan a trip', 'Rome.']);
    expect(path[1]!.versionIds).toHaveLength(2);
    expect(path[1]!.id).not.toBe(store.activePath(id)[1]!.id);
    expect(path[1]!.usage).toEqual(usageRecord('call-1', '2026-11-01T10:00:00.000Z', { conversationId: id }));
    // An import is never counted as this machine's spend.
    expect(store.listUsage()).toHaveLength(1);
  });

  it('imports whole or not at all', () => {
    store = openStore(dir);
    const { id } = store.createConversation({ title: 'Half' });
    store.addMessage({ conversationId: id, role: 'user', content: 'One' });
    store.addMessage({ conversationId: id, role: 'assistant', content: 'Two' });
    const file = store.exportConversation(id, '2026-11-02T00:00:00.000Z');
    // A message SQLite refuses, after others went in: the transaction takes them all back.
    const broken = {
      ...file,
      messages: [...file.messages, { ...file.messages[1]!, id: 'x', role: 'robot' as 'user' }],
    };
    expect(() => store!.importConversation(broken)).toThrow(/SQLITE_CONSTRAINT_CHECK/);
    expect(store.listConversations().map((conversation) => conversation.title)).toEqual(['Half']);
    store.close();
    const db = new Database(join(dir, 'switchboard.db'), { readonly: true });
    expect(db.prepare('SELECT count(*) AS count FROM messages').get()).toEqual({ count: 2 });
    db.close();
    store = undefined;
  });
});
