// The chat loop through the core's dispatch, against real SQLite and a fake provider on 127.0.0.1:
// branches, retries, what is sent as context, settings, attachments, and the history's search, export and import.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCoreFromServices } from '../../electron/core/create-core';
import { createServices } from '../../electron/core/services';
import type { Core } from '../../electron/core/types';
import type { Result, RouteInput, RouteName, RouteOutput } from '../../shared/contract';
import type { CallPart, TerminalPart } from '../../shared/types/chat';
import { deadPort, startFakeProvider, type FakeProvider } from '../fake-provider';

let home: string;
let core: Core;
let fake: FakeProvider;
const parts = new Map<string, CallPart[]>();
const context = {
  emit: (_event: string, payload: unknown) => {
    const { streamId, parts: batch } = payload as { streamId: string; parts: CallPart[] };
    parts.set(streamId, [...(parts.get(streamId) ?? []), ...batch]);
  },
};

async function ask<K extends RouteName>(route: K, input: RouteInput<K>): Promise<RouteOutput<K>> {
  const result = (await core.dispatch(route, input, context)) as Result<RouteOutput<K>>;
  if (!result.ok) throw new Error(`${route}: ${result.error.code} ${result.error.message}`);
  return result.data;
}

async function refusal<K extends RouteName>(route: K, input: RouteInput<K>) {
  const result = await core.dispatch(route, input, context);
  expect(result.ok).toBe(false);
  return (result as { error: { code: string; message: string } }).error;
}

/** The terminal part of a stream, once it came. */
async function ended(streamId: string): Promise<TerminalPart> {
  const terminal = () =>
    parts.get(streamId)?.find((part): part is TerminalPart => part.type === 'finish' || part.type === 'error');
  await expect.poll(terminal, { timeout: 5000 }).toBeDefined();
  return terminal()!;
}

/** What the provider was last sent, as role: content lines. */
const lastSent = () =>
  (fake.requests.at(-1)!.body.messages as { role: string; content: unknown }[]).map(
    (message) =>
      `${message.role}: ${typeof message.content === 'string' ? message.content : JSON.stringify(message.content)}`,
  );

const texts = (messages: { role: string; content: string; status: string | null }[]) =>
  messages.map((message) => `${message.role}: ${message.content || `(${message.status})`}`);

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'switchboard-chat-loop-'));
  fake = await startFakeProvider();
  core = createCoreFromServices(createServices({ dataDir: home }));
  await ask('endpoints.save', { id: 'fake', kind: 'openai-compatible', baseURL: `${fake.url}/v1`, models: ['m', 'n'] });
  await ask('endpoints.save', {
    id: 'dead',
    kind: 'openai-compatible',
    baseURL: `http://127.0.0.1:${await deadPort()}/v1`,
  });
  await ask('routes.save', { name: 'resilient', targets: ['dead/m', 'fake/m'] });
});
afterAll(async () => {
  await core.dispose();
  await fake.close();
  await rm(home, { recursive: true, force: true });
});
beforeEach(() => fake.clearQueue());

describe('a failed turn', () => {
  it('stays in the conversation with its error, is never sent as context, and counts once retried in place', async () => {
    fake.enqueue({ kind: 'http-error', status: 400, body: { error: { message: 'The prompt was refused.' } } });
    const first = await ask('chat.send', { modelId: 'fake/m', text: 'Capital of Narnia?' });
    const failed = await ended(first.streamId);
    expect(failed).toMatchObject({ type: 'error', code: 'PROVIDER_BAD_REQUEST', messageId: expect.any(String) });
    const { conversationId } = first;

    fake.enqueue({ kind: 'text', text: 'Paris.' });
    const second = await ask('chat.send', { modelId: 'fake/m', text: 'Capital of France?', conversationId });
    await ended(second.streamId);
    // Only the question that can be answered: the failed one stays out.
    expect(lastSent()).toEqual(['user: Capital of France?']);

    fake.enqueue({ kind: 'http-error', status: 400, body: { error: { message: 'Refused again.' } } });
    const third = await ask('chat.send', { modelId: 'fake/m', text: 'And of Italy?', conversationId });
    const thirdFailed = await ended(third.streamId);
    fake.enqueue({ kind: 'text', text: 'Rome.' });
    const retry = await ask('chat.regenerate', {
      conversationId,
      messageId: thirdFailed.messageId!,
      modelId: 'fake/m',
    });
    expect(retry.questionId).toBe(third.question.id);
    expect(await ended(retry.streamId)).toMatchObject({ type: 'finish' });
    expect(lastSent()).toEqual(['user: Capital of France?', 'assistant: Paris.', 'user: And of Italy?']);

    // Reopened: the failed turn is there with its error; the retried one shows its answer, the failure a version.
    const { messages } = await ask('conversations.open', { conversationId });
    expect(texts(messages)).toEqual([
      'user: Capital of Narnia?',
      'assistant: (error)',
      'user: Capital of France?',
      'assistant: Paris.',
      'user: And of Italy?',
      'assistant: Rome.',
    ]);
    expect(messages[1]!.usage).toMatchObject({
      status: 'error',
      error: expect.stringContaining('The prompt was refused.'),
    });
    expect(messages[5]!.versionIds).toEqual([thirdFailed.messageId, expect.any(String)]);

    fake.enqueue({ kind: 'text', text: 'Madrid.' });
    const next = await ask('chat.send', { modelId: 'fake/m', text: 'And of Spain?', conversationId });
    await ended(next.streamId);
    expect(lastSent()).toEqual([
      'user: Capital of France?',
      'assistant: Paris.',
      'user: And of Italy?',
      'assistant: Rome.',
      'user: And of Spain?',
    ]);
  });

  it('reopens an answer with its time to first token, speed, cost, model and failover notes', async () => {
    fake.enqueue({
      kind: 'text',
      text: 'Served by the second target.',
      model: 'm',
      usage: { inputTokens: 9, outputTokens: 6 },
    });
    const sent = await ask('chat.send', { modelId: 'resilient', text: 'Anyone there?' });
    const terminal = await ended(sent.streamId);
    const { messages } = await ask('conversations.open', { conversationId: sent.conversationId });
    const answer = messages[1]!;
    expect(answer).toMatchObject({
      role: 'assistant',
      model: 'fake/m',
      status: 'ok',
      content: 'Served by the second target.',
    });
    expect(answer.usage).toEqual(terminal.record);
    expect(answer.usage!.timeToFirstTokenMs).toBeGreaterThan(0);
    expect(answer.usage!.usage).toMatchObject({ inputTokens: 9, outputTokens: 6 });
    expect(answer.usage!.attempts.map((attempt) => [attempt.target, attempt.error?.code ?? null])).toEqual([
      ['dead/m', 'NETWORK'],
      ['fake/m', null],
    ]);
  });
});

describe('versions', () => {
  it('an edited question and a regenerated answer are versions; the context is the branch they are on', async () => {
    fake.enqueue({ kind: 'text', text: 'Rome.' }, { kind: 'text', text: 'Pasta.' });
    const first = await ask('chat.send', { modelId: 'fake/m', text: 'Capital of Italy?' });
    await ended(first.streamId);
    const { conversationId } = first;
    const second = await ask('chat.send', { modelId: 'fake/m', text: 'Famous food?', conversationId });
    await ended(second.streamId);

    fake.enqueue({ kind: 'text', text: 'Gelato.' });
    const edited = await ask('chat.edit', {
      conversationId,
      messageId: second.question.id,
      modelId: 'fake/n',
      text: 'Famous dessert?',
    });
    await ended(edited.streamId);
    expect(lastSent()).toEqual(['user: Capital of Italy?', 'assistant: Rome.', 'user: Famous dessert?']);
    expect(fake.requests.at(-1)!.body.model).toBe('n');
    const opened = await ask('conversations.open', { conversationId });
    let { messages } = opened;
    expect(texts(messages)).toEqual([
      'user: Capital of Italy?',
      'assistant: Rome.',
      'user: Famous dessert?',
      'assistant: Gelato.',
    ]);
    expect(messages[2]!.versionIds).toEqual([second.question.id, edited.question.id]);
    expect(messages[3]!.model).toBe('fake/n');
    // The model is kept with the conversation.
    expect(opened.conversation.modelId).toBe('fake/n');

    fake.enqueue({ kind: 'text', text: 'Roma.' });
    const answerId = messages[1]!.id;
    const regenerated = await ask('chat.regenerate', { conversationId, messageId: answerId, modelId: 'fake/m' });
    await ended(regenerated.streamId);
    expect(lastSent()).toEqual(['user: Capital of Italy?']);
    ({ messages } = await ask('conversations.open', { conversationId }));
    expect(texts(messages)).toEqual(['user: Capital of Italy?', 'assistant: Roma.']);
    expect(messages[1]!.versionIds[0]).toBe(answerId);

    // Stepping back to the first answer finds the branch below it as it was left.
    ({ messages } = await ask('conversations.open', { conversationId, messageId: answerId }));
    expect(texts(messages)).toEqual([
      'user: Capital of Italy?',
      'assistant: Rome.',
      'user: Famous dessert?',
      'assistant: Gelato.',
    ]);
    ({ messages } = await ask('conversations.open', { conversationId, messageId: second.question.id }));
    expect(texts(messages).slice(2)).toEqual(['user: Famous food?', 'assistant: Pasta.']);

    expect(
      await refusal('chat.edit', { conversationId, messageId: answerId, modelId: 'fake/m', text: 'x' }),
    ).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('Only your own messages can be edited'),
    });
    expect(await refusal('conversations.open', { conversationId, messageId: 'nope' })).toMatchObject({
      code: 'UNKNOWN_CONVERSATION',
    });
  });
});

describe('a conversation’s own settings', () => {
  it('sends its system prompt and parameters on every turn, and uses them as changed', async () => {
    fake.enqueue({ kind: 'text', text: 'Oui.' }, { kind: 'text', text: 'Ja.' });
    const settings = { system: 'Answer in French.', temperature: 0.3, maxOutputTokens: 64, topP: 0.9, seed: 42 };
    const first = await ask('chat.send', { modelId: 'fake/m', text: 'Yes?', settings });
    await ended(first.streamId);
    expect(fake.requests.at(-1)!.body).toMatchObject({ temperature: 0.3, max_tokens: 64, top_p: 0.9, seed: 42 });
    expect(lastSent()).toEqual(['system: Answer in French.', 'user: Yes?']);

    await ask('conversations.update', {
      conversationId: first.conversationId,
      settings: { system: 'Answer in German.', temperature: 1 },
    });
    const second = await ask('chat.send', { modelId: 'fake/m', text: 'Yes?', conversationId: first.conversationId });
    await ended(second.streamId);
    const body = fake.requests.at(-1)!.body;
    expect(body.temperature).toBe(1);
    expect(body).not.toHaveProperty('top_p');
    expect(lastSent()).toEqual(['system: Answer in German.', 'user: Yes?', 'assistant: Oui.', 'user: Yes?']);
    expect(
      await refusal('conversations.update', { conversationId: first.conversationId, settings: { topP: 2 } }),
    ).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('top P is at most 1'),
    });
  });
});

describe('attachments', () => {
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex').toString('base64');

  it('sends an image as an image part and a text file inlined as a fenced block with its name', async () => {
    fake.enqueue({ kind: 'text', text: 'A dot and some notes.' });
    const sent = await ask('chat.send', {
      modelId: 'fake/m',
      text: 'What are these?',
      attachments: [
        { kind: 'image', name: 'dot.png', mediaType: 'image/png', dataBase64: png },
        { kind: 'text', name: 'notes.md', text: 'Has ``` inside\n' },
      ],
    });
    await ended(sent.streamId);
    const [question] = fake.requests.at(-1)!.body.messages as { content: unknown }[];
    expect(question!.content).toEqual([
      { type: 'text', text: 'What are these?\n\nFile notes.md:\n````md\nHas ``` inside\n````' },
      { type: 'image_url', image_url: { url: `data:image/png;base64,${png}` } },
    ]);
    // An edit keeps the files.
    fake.enqueue({ kind: 'text', text: 'Still a dot.' });
    const edited = await ask('chat.edit', {
      conversationId: sent.conversationId,
      messageId: sent.question.id,
      modelId: 'fake/m',
      text: 'And now?',
    });
    await ended(edited.streamId);
    expect(edited.question.attachments.map((file) => file.name)).toEqual(['dot.png', 'notes.md']);
    expect(JSON.stringify(fake.requests.at(-1)!.body.messages)).toContain(`data:image/png;base64,${png}`);
  });

  it('shows the provider’s refusal of an image as the answer’s error', async () => {
    fake.enqueue({
      kind: 'http-error',
      status: 400,
      body: { error: { message: 'Invalid content type. image_url is only supported by certain models.' } },
    });
    const sent = await ask('chat.send', {
      modelId: 'fake/m',
      text: 'Look',
      attachments: [{ kind: 'image', name: 'dot.png', mediaType: 'image/png', dataBase64: png }],
    });
    expect(await ended(sent.streamId)).toMatchObject({
      type: 'error',
      code: 'PROVIDER_BAD_REQUEST',
      message: expect.stringContaining('image_url is only supported by certain models'),
    });
  });

  it('refuses a file that is not an image it can send, or too large, before anything is sent', async () => {
    const before = fake.requests.length;
    expect(
      await refusal('chat.send', {
        modelId: 'fake/m',
        text: 'x',
        attachments: [{ kind: 'image', name: 'a.bmp', mediaType: 'image/bmp' as 'image/png', dataBase64: png }],
      }),
    ).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('images are PNG, JPEG, GIF or WebP') });
    expect(
      await refusal('chat.send', {
        modelId: 'fake/m',
        text: 'x',
        attachments: [{ kind: 'text', name: 'big.txt', text: 'x'.repeat(600 * 1024) }],
      }),
    ).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining('a text file is at most 512 KB') });
    expect(fake.requests.length).toBe(before);
  });
});

describe('the history', () => {
  it('finds a conversation by any word, renames and pins it, deletes it with undo, exports and imports it', async () => {
    fake.enqueue({ kind: 'text', text: 'The quokka lives on Rottnest Island.' });
    const sent = await ask('chat.send', { modelId: 'fake/m', text: 'Where does the quokka live?' });
    await ended(sent.streamId);
    const { conversationId } = sent;

    const hits = await ask('conversations.search', { query: 'rottnest' });
    expect(hits).toEqual([
      expect.objectContaining({
        conversationId,
        role: 'assistant',
        snippet: expect.stringContaining('\u0002Rottnest\u0003'),
      }),
    ]);
    let list = await ask('conversations.update', { conversationId, title: 'Quokkas', isPinned: true });
    expect(list[0]).toMatchObject({ id: conversationId, title: 'Quokkas', isPinned: true, modelId: 'fake/m' });

    list = await ask('conversations.remove', { conversationId });
    expect(list.map((conversation) => conversation.id)).not.toContain(conversationId);
    expect(await ask('conversations.search', { query: 'rottnest' })).toEqual([]);
    list = await ask('conversations.restore', { conversationId });
    expect(list[0]!.id).toBe(conversationId);

    const markdown = await ask('conversations.export', { conversationId, format: 'markdown' });
    expect(markdown.fileName).toBe('quokkas.md');
    expect(markdown.text).toContain('# Quokkas');
    expect(markdown.text).toContain('## You\n\nWhere does the quokka live?');
    expect(markdown.text).toContain('## fake/m\n\n_ok · ');
    const json = await ask('conversations.export', { conversationId, format: 'json' });
    expect(json.fileName).toBe('quokkas.json');

    const imported = await ask('conversations.import', { text: json.text });
    expect(imported.conversation).toMatchObject({ title: 'Quokkas', isPinned: true });
    expect(imported.conversation.id).not.toBe(conversationId);
    const reopened = await ask('conversations.open', { conversationId: imported.conversation.id });
    expect(texts(reopened.messages)).toEqual([
      'user: Where does the quokka live?',
      'assistant: The quokka lives on Rottnest Island.',
    ]);
    expect(reopened.messages[1]!.usage?.timeToFirstTokenMs).toBeGreaterThan(0);
    expect((await ask('conversations.search', { query: 'rottnest' })).length).toBe(2);
  });

  it('refuses a bad file with what is wrong in it, importing nothing', async () => {
    const before = await ask('conversations.list', {});
    expect(await refusal('conversations.import', { text: 'not json {' })).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(
        /^That file is not a conversation exported from Switchboard as JSON: it is not JSON/,
      ),
    });
    const { text } = await ask('conversations.export', { conversationId: before[0]!.id, format: 'json' });
    const file = JSON.parse(text);
    const broken = (change: (message: Record<string, unknown>) => void) => {
      const copy = structuredClone(file);
      change(copy.messages[1]);
      return JSON.stringify(copy);
    };
    const refused = await refusal('conversations.import', { text: broken((message) => (message.role = 'robot')) });
    expect(refused.message).toContain('messages[1].role: a role is "system", "user" or "assistant"');
    expect(refused.message).toContain('Nothing was imported');
    expect(
      (await refusal('conversations.import', { text: broken((message) => (message.parentId = 'nowhere')) })).message,
    ).toContain('messages[1].parentId: "nowhere" is not an earlier message');
    expect(
      await refusal('conversations.import', { text: JSON.stringify({ format: 'other', version: 1 }) }),
    ).toMatchObject({
      message: expect.stringContaining('format: "format" is "switchboard.conversation"'),
    });
    expect(await ask('conversations.list', {})).toEqual(before);
  });
});
