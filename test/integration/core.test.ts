// The core as the shells see it: one dispatch that validates, answers Results and never throws.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConversationDetail, RouteOutput } from '../../shared/contract';
import type { CallPart } from '../../shared/types/chat';
import { createCoreFromServices } from '../../electron/core/create-core';
import { createServices } from '../../electron/core/services';
import type { Core } from '../../electron/core/types';
import { startServer, type RunningServer } from '../../electron/server/start-server';
import { startFakeProvider, type FakeProvider } from '../fake-provider';

let home: string;
let core: Core;
let fake: FakeProvider;
let server: RunningServer;
const events: { event: string; payload: { streamId: string; parts: CallPart[] } }[] = [];
const context = { emit: (event: string, payload: unknown) => events.push({ event, payload: payload as never }) };

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'switchboard-core-'));
  fake = await startFakeProvider();
  const services = createServices({ dataDir: home });
  core = createCoreFromServices(services);
  server = await startServer({ services, core, rendererDir: home, port: 0 });
});
afterAll(async () => {
  await server.close();
  await core.dispose();
  await fake.close();
  await rm(home, { recursive: true, force: true });
});

describe('core dispatch', () => {
  it('refuses unknown routes and invalid input with codes, never by throwing', async () => {
    expect(await core.dispatch('files.delete', {}, context)).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_ROUTE' },
    });
    const invalid = await core.dispatch('endpoints.save', { id: 'Bad Id', kind: 'openai' }, context);
    expect(invalid).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!invalid.ok && invalid.error.message).toMatch(/id/);
    const noBase = await core.dispatch('endpoints.save', { id: 'local', kind: 'openai-compatible' }, context);
    expect(!noBase.ok && noBase.error.message).toMatch(/needs a "baseURL"/);
  });

  it('saves endpoints to config.json and streams a chat to the caller', async () => {
    const saved = await core.dispatch(
      'endpoints.save',
      { id: 'local', kind: 'openai-compatible', baseURL: `${fake.url}/v1`, models: ['m'] },
      context,
    );
    expect(saved).toMatchObject({ ok: true, data: [{ id: 'local', key: { isSet: false, last4: null } }] });
    if (process.env.SWITCHBOARD_TEST_KEYRING !== '1') {
      // Without a Secret Service the status is unknown, and says so.
      expect((saved as { data: { key: { problem?: string } }[] }).data[0]!.key.problem).toMatch(
        /keychain is unavailable/,
      );
    }
    expect(JSON.parse(await readFile(join(home, 'config.json'), 'utf8')).endpoints[0].id).toBe('local');
    expect(await core.dispatch('models.list', {}, context)).toMatchObject({
      ok: true,
      data: [{ id: 'local/m', isRoute: false }],
    });

    fake.enqueue({ kind: 'text', text: 'Streamed to the window that asked.', deltas: 5 });
    const sent = await core.dispatch('chat.send', { modelId: 'local/m', text: 'Hi' }, context);
    expect(sent.ok).toBe(true);
    const { streamId, conversationId } = (sent as { data: { streamId: string; conversationId: string } }).data;
    await expect
      .poll(() => events.flatMap((entry) => entry.payload.parts).some((part) => part.type === 'finish'), {
        timeout: 5000,
      })
      .toBe(true);
    const parts = events.filter((entry) => entry.payload.streamId === streamId).flatMap((entry) => entry.payload.parts);
    expect(
      parts
        .filter((part) => part.type === 'text-delta')
        .map((part) => (part as { text: string }).text)
        .join(''),
    ).toBe('Streamed to the window that asked.');
    expect(parts.filter((part) => part.type === 'finish' || part.type === 'error')).toHaveLength(1);
    // Batched: fewer events than parts.
    expect(events.length).toBeLessThan(parts.length);
    const messages = await core.dispatch('conversations.messages', { conversationId }, context);
    expect(messages).toMatchObject({
      ok: true,
      data: [
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Streamed to the window that asked.', model: 'local/m', status: 'ok' },
      ],
    });
  });

  it('compares models as a group chat: each pane keeps its own conversation, hidden from History until continued', async () => {
    await core.dispatch(
      'endpoints.save',
      { id: 'local', kind: 'openai-compatible', baseURL: `${fake.url}/v1`, models: ['a', 'b'] },
      context,
    );
    const finishedAll = async (streamIds: string[]) => {
      const finished = () =>
        events.filter(
          (entry) =>
            streamIds.includes(entry.payload.streamId) &&
            entry.payload.parts.some((part) => part.type === 'finish' || part.type === 'error'),
        ).length;
      await expect.poll(finished, { timeout: 5000 }).toBe(streamIds.length);
    };
    const setup = {
      shared: { system: 'Be brief.', temperature: 0.3 },
      panes: [{ modelId: 'local/a' }, { modelId: 'local/b', overrides: { system: '', temperature: 0.9 } }],
    };
    const before = fake.requests.length;
    fake.enqueue({ kind: 'text', text: 'First answer one.' }, { kind: 'text', text: 'First answer two.' });
    const first = await core.dispatch('compare.send', { prompt: 'Which is best?', setup }, context);
    if (!first.ok) throw new Error(first.error.message);
    const { sessionId, panes } = first.data as RouteOutput<'compare.send'>;
    expect(panes).toHaveLength(2);
    await finishedAll(panes.map((pane) => pane.streamId));

    fake.enqueue({ kind: 'text', text: 'Second answer one.' }, { kind: 'text', text: 'Second answer two.' });
    const withIds = {
      ...setup,
      panes: setup.panes.map((pane, index) => ({ ...pane, conversationId: panes[index]!.conversationId })),
    };
    const second = await core.dispatch('compare.send', { sessionId, prompt: 'Why?', setup: withIds }, context);
    if (!second.ok) throw new Error(second.error.message);
    const again = (second.data as RouteOutput<'compare.send'>).panes;
    expect(again.map((pane) => pane.conversationId)).toEqual(panes.map((pane) => pane.conversationId));
    await finishedAll(again.map((pane) => pane.streamId));

    // Each follow-up carried its own pane's question and answer only, with the pane's own settings.
    const sent = fake.requests.slice(before).map((request) => request.body);
    expect(sent).toHaveLength(4);
    for (const [index, pane] of panes.entries()) {
      const opened = await core.dispatch('conversations.open', { conversationId: pane.conversationId }, context);
      const messages = (opened as { data: ConversationDetail }).data.messages;
      expect(messages.map((message) => message.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
      const model = index === 0 ? 'a' : 'b';
      const followUp = sent.find((body) => body.model === model && body.messages.length > 2)!;
      expect(followUp.messages.filter((message: { role: string }) => message.role !== 'system')).toEqual([
        { role: 'user', content: 'Which is best?' },
        { role: 'assistant', content: messages[1]!.content },
        { role: 'user', content: 'Why?' },
      ]);
      expect(followUp.messages[0]).toEqual(index === 0 ? { role: 'system', content: 'Be brief.' } : expect.anything());
      expect(followUp.messages.some((message: { role: string }) => message.role === 'system')).toBe(index === 0);
      expect(followUp.temperature).toBe(index === 0 ? 0.3 : 0.9);
    }

    const listed = async () =>
      ((await core.dispatch('conversations.list', {}, context)) as { data: { id: string }[] }).data.map(
        (conversation) => conversation.id,
      );
    expect(await listed()).not.toContain(panes[0]!.conversationId);
    const continued = await core.dispatch(
      'compare.continue',
      { sessionId, conversationId: panes[1]!.conversationId },
      context,
    );
    expect(continued.ok).toBe(true);
    expect(await listed()).toContain(panes[1]!.conversationId);
    expect(await listed()).not.toContain(panes[0]!.conversationId);

    // The session reopens with every reply and its measurements.
    const opened = await core.dispatch('compare.open', { sessionId }, context);
    const detail = (opened as { data: RouteOutput<'compare.open'> }).data;
    expect(detail.setup.panes.map((pane) => pane.modelId)).toEqual(['local/a', 'local/b']);
    expect(detail.panes.map((pane) => pane.messages.filter((message) => message.usage !== null).length)).toEqual([
      2, 2,
    ]);

    expect(
      await core.dispatch('compare.send', { prompt: 'Alone?', setup: { panes: [{ modelId: 'local/a' }] } }, context),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        fields: [{ field: 'setup.panes', message: 'Pick at least two models to compare.' }],
      },
    });
    const nine = { panes: Array.from({ length: 9 }, () => ({ modelId: 'local/a' })) };
    expect(await core.dispatch('compare.send', { prompt: 'Many?', setup: nine }, context)).toMatchObject({
      ok: false,
      error: { fields: [{ message: 'Compare takes at most 8 models: remove one to add another.' }] },
    });
  });

  it('saves routes to config.json, refuses one to an unknown endpoint, and removes them', async () => {
    const saved = await core.dispatch(
      'routes.save',
      { name: 'pair', targets: ['local/a', 'local/b'], cache: { ttlSeconds: 60 } },
      context,
    );
    expect(saved).toMatchObject({ ok: true, data: [{ name: 'pair', targets: ['local/a', 'local/b'] }] });
    expect(JSON.parse(await readFile(join(home, 'config.json'), 'utf8')).routes.pair.cache).toEqual({ ttlSeconds: 60 });
    const models = await core.dispatch('models.list', {}, context);
    expect(models.ok && models.data).toContainEqual(expect.objectContaining({ id: 'pair', isRoute: true }));

    const before = await readFile(join(home, 'config.json'), 'utf8');
    const refused = await core.dispatch('routes.save', { name: 'bad', targets: ['nowhere/m'] }, context);
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFIG_INVALID' } });
    expect(!refused.ok && refused.error.message).toMatch(/routes\.bad\.targets\[0\]/);
    expect(await readFile(join(home, 'config.json'), 'utf8')).toBe(before);

    expect(await core.dispatch('routes.remove', { name: 'pair' }, context)).toMatchObject({ ok: true, data: [] });
    expect(await core.dispatch('routes.remove', { name: 'pair' }, context)).toMatchObject({ ok: false });
  });

  it('keeps a broken config.json and says how to fix it', async () => {
    const broken = '{ "endpoints": [ { "id": "x" } ] }';
    await writeFile(join(home, 'config.json'), broken);
    const result = await core.dispatch('endpoints.save', { id: 'other', kind: 'openai' }, context);
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFIG_INVALID' } });
    expect(!result.ok && result.error.message).toMatch(/endpoints\[0\]\.kind/);
    expect(await readFile(join(home, 'config.json'), 'utf8')).toBe(broken);
  });
});

describe('browser-mode socket', () => {
  // The page secret travels as a subprotocol; a socket without it is closed at once (4401).
  const open = (secret: string, origin?: string) =>
    new Promise<string>((resolve) => {
      const socket = new WebSocket(
        socketUrl(),
        ['switchboard', `switchboard-session.${secret}`],
        origin ? { origin } : {},
      );
      socket.on('open', () =>
        socket.once('message', () => resolve('open')).send('{"id":1,"route":"routes.list","input":{}}'),
      );
      socket.on('close', () => resolve('refused'));
      socket.on('error', () => resolve('refused'));
    });
  const socketUrl = () => `${server.apiBase.replace('http', 'ws').replace('/v1', '')}/bridge`;

  it('needs the page secret (not the API key) and the page’s own origin', async () => {
    const own = server.apiBase.replace('/v1', '');
    expect(await open(server.pageSecret, own)).toBe('open');
    expect(await open('wrong', own)).toBe('refused');
    expect(await open(server.token, own)).toBe('refused');
    expect(await open(server.pageSecret, 'http://evil.example')).toBe('refused');
  });

  it('refuses requests whose Host is not loopback (DNS rebinding)', async () => {
    const status = await new Promise<number | undefined>((resolve) => {
      const request = httpRequest(
        `${server.apiBase}/models`,
        { headers: { authorization: `Bearer ${server.token}`, host: 'evil.example' } },
        (response) => {
          response.resume();
          resolve(response.statusCode);
        },
      );
      request.end();
    });
    expect(status).toBe(403);
  });
});
