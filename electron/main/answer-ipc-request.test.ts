// The IPC entry as Electron calls it, with a fake sender and frame (the Electron binary cannot run here)
// in front of the real core, a real history and a fake provider on 127.0.0.1.
import { EventEmitter, once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UsageSummary } from '../../shared/contract';
import { createCoreFromServices } from '../core/create-core';
import { createServices } from '../core/services';
import type { Core } from '../core/types';
import { startFakeProvider, type FakeProvider } from '../../test/fake-provider';
import { answerIpcRequest, type IpcAnswerOptions } from './answer-ipc-request';
import { createCallerSignals } from './caller-signals';

/** A webContents as IPC sees it: `send` records events, `destroy` closes its window. */
class FakeSender extends EventEmitter {
  static nextId = 1;
  readonly id = FakeSender.nextId++;
  readonly sent: { name: string; payload: unknown }[] = [];
  private isGone = false;
  isDestroyed() {
    return this.isGone;
  }
  send(_channel: string, name: string, payload: unknown) {
    if (this.isGone) throw new Error('Object has been destroyed');
    this.sent.push({ name, payload });
    this.emit('sent');
  }
  destroy() {
    this.isGone = true;
    this.emit('destroyed');
  }
}

const appFrame = { url: 'app://switchboard/index.html', parent: null };

let home: string;
let core: Core;
let fake: FakeProvider;
const logged: string[] = [];
const signals = createCallerSignals<FakeSender>((sender, gone) => sender.once('destroyed', () => gone(true)));

function optionsWith(overrides: Partial<IpcAnswerOptions<FakeSender>> = {}): IpcAnswerOptions<FakeSender> {
  return {
    dispatch: (route, input, context) => core.dispatch(route, input, context),
    eventChannel: 'switchboard:event',
    signalFor: (sender) => signals.signalFor(sender),
    log: (line) => logged.push(line),
    ...overrides,
  };
}

const ask = (sender: FakeSender, route: unknown, input: unknown, frame: unknown = appFrame) =>
  answerIpcRequest({ senderFrame: frame as typeof appFrame, sender }, route, input, optionsWith());

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'switchboard-ipc-'));
  fake = await startFakeProvider();
  core = createCoreFromServices(createServices({ dataDir: home }));
  await core.dispatch(
    'endpoints.save',
    { id: 'local', kind: 'openai-compatible', baseURL: `${fake.url}/v1`, models: ['slow'] },
    { emit: () => {} },
  );
});
afterAll(async () => {
  await core.dispose();
  await fake.close();
  await rm(home, { recursive: true, force: true });
});

describe('IPC requests', () => {
  it('answers what it cannot parse with a Result error, never by throwing', async () => {
    const sender = new FakeSender();
    expect(await ask(sender, { not: 'a route' }, undefined)).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_ROUTE' },
    });
    expect(await ask(sender, 'usage.list', { limit: 'many' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(await ask(sender, 'usage.list', 'not an object')).toMatchObject({ ok: false });
  });

  it('refuses a subframe, a foreign page and a frame that is gone', async () => {
    const sender = new FakeSender();
    const forbidden = { ok: false, error: { code: 'FORBIDDEN' } };
    expect(await ask(sender, 'usage.list', {}, { ...appFrame, parent: appFrame })).toMatchObject(forbidden);
    expect(await ask(sender, 'usage.list', {}, { url: 'https://evil.example/', parent: null })).toMatchObject(
      forbidden,
    );
    expect(await ask(sender, 'usage.list', {}, null)).toMatchObject(forbidden);
    // Electron throws when a disposed frame is read.
    const disposed = Object.defineProperty({}, 'url', {
      get() {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    });
    expect(await ask(sender, 'usage.list', {}, disposed)).toMatchObject(forbidden);
  });

  it('turns a core that throws into an INTERNAL error, and logs it', async () => {
    const sender = new FakeSender();
    const answer = await answerIpcRequest(
      { senderFrame: appFrame, sender },
      'usage.list',
      {},
      optionsWith({ dispatch: () => Promise.reject(new Error('database is locked')) }),
    );
    expect(answer).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'usage.list failed: database is locked' },
    });
    expect(logged.at(-1)).toContain('usage.list failed');
  });

  it('cancels the streams of a window closed mid-answer and records them cancelled', async () => {
    const sender = new FakeSender();
    const requestsBefore = fake.requests.length;
    fake.enqueue({ kind: 'text', text: 'word '.repeat(400), delayMs: 20, model: 'slow' });
    const started = await ask(sender, 'chat.send', {
      modelId: 'local/slow',
      text: 'Write a long answer',
    });
    expect(started).toMatchObject({ ok: true });
    const { streamId } = (started as { data: { streamId: string } }).data;
    // Mid-answer: the provider is streaming and the window has text.
    const hasText = () =>
      sender.sent.some((event) =>
        (event.payload as { parts: { type: string }[] }).parts.some((part) => part.type === 'text-delta'),
      );
    while (!hasText()) await once(sender, 'sent');
    expect(fake.requests).toHaveLength(requestsBefore + 1);
    const upstream = fake.requests.at(-1)!;
    const livePages = signals.size;
    sender.destroy();
    expect(signals.size).toBe(livePages - 1);
    await upstream.aborted;
    const observer = new FakeSender();
    await expect
      .poll(async () => {
        const usage = (await ask(observer, 'usage.list', {})) as { data: UsageSummary };
        return usage.data.records[0]?.status;
      })
      .toBe('cancelled');
    expect(sender.sent.every((event) => (event.payload as { streamId: string }).streamId === streamId)).toBe(true);
  });
});
