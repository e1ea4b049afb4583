// The core as the shells see it: one dispatch that validates, answers Results and never throws.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

  it('compares models as one conversation: the prompt once, each answer with its model', async () => {
    await core.dispatch(
      'endpoints.save',
      { id: 'local', kind: 'openai-compatible', baseURL: `${fake.url}/v1`, models: ['a', 'b'] },
      context,
    );
    fake.enqueue({ kind: 'text', text: 'Answer A.' }, { kind: 'text', text: 'Answer B.' });
    const sent = await core.dispatch(
      'compare.send',
      { prompt: 'Which is best?', modelIds: ['local/a', 'local/b'] },
      context,
    );
    expect(sent.ok).toBe(true);
    const { conversationId, streamIds } = (sent as { data: { conversationId: string; streamIds: string[] } }).data;
    expect(streamIds).toHaveLength(2);
    const finished = () =>
      events.filter(
        (entry) =>
          streamIds.includes(entry.payload.streamId) && entry.payload.parts.some((part) => part.type === 'finish'),
      ).length;
    await expect.poll(finished, { timeout: 5000 }).toBe(2);

    const stored = await core.dispatch('conversations.messages', { conversationId }, context);
    const messages = (stored as { data: { role: string; content: string; model: string | null }[] }).data;
    expect(messages.filter((message) => message.role === 'user')).toEqual([
      expect.objectContaining({ content: 'Which is best?' }),
    ]);
    expect(
      messages
        .filter((message) => message.role === 'assistant')
        .map((message) => message.model)
        .sort(),
    ).toEqual(['local/a', 'local/b']);

    expect(await core.dispatch('compare.send', { prompt: 'Alone?', modelIds: ['local/a'] }, context)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('pick at least two models') },
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
