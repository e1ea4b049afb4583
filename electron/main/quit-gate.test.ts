import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallPart } from '../../shared/types/chat';
import { createCoreFromServices } from '../core/create-core';
import { createServices } from '../core/services';
import { openStore } from '../store/open-store';
import { startFakeProvider, type FakeProvider } from '../../test/fake-provider';
import { createQuitGate } from './quit-gate';

/** Electron's before-quit event, as far as the gate reads it. */
const quitEvent = () => {
  const event = { isPrevented: false, preventDefault: () => void (event.isPrevented = true) };
  return event;
};

let home: string;
let fake: FakeProvider;
beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'switchboard-quit-'));
  fake = await startFakeProvider();
});
afterAll(async () => {
  await fake.close();
  await rm(home, { recursive: true, force: true });
});

describe('quitting', () => {
  it('waits for cleanup once, however many times quit is asked, then quits for real', async () => {
    let finishCleanup = () => {};
    let cleanups = 0;
    const quits: number[] = [];
    const gate = createQuitGate({
      cleanup: () => new Promise<void>((resolve) => (cleanups++, (finishCleanup = resolve))),
      quit: () => quits.push(Date.now()),
    });
    const first = quitEvent();
    gate(first);
    const second = quitEvent();
    gate(second);
    expect([first.isPrevented, second.isPrevented]).toEqual([true, true]);
    await expect.poll(() => cleanups).toBe(1);
    expect(quits).toHaveLength(0);
    finishCleanup();
    await expect.poll(() => quits.length).toBe(1);
    const last = quitEvent();
    gate(last);
    expect(last.isPrevented).toBe(false);
  });

  it('quits anyway when cleanup fails or hangs, and says so', async () => {
    const logged: string[] = [];
    let quits = 0;
    createQuitGate({
      cleanup: () => Promise.reject(new Error('disk gone')),
      quit: () => quits++,
      log: (line) => logged.push(line),
    })(quitEvent());
    createQuitGate({
      cleanup: () => new Promise(() => {}),
      quit: () => quits++,
      timeoutMs: 20,
      log: (line) => logged.push(line),
    })(quitEvent());
    await expect.poll(() => quits).toBe(2);
    expect(logged.join('\n')).toContain('disk gone');
    expect(logged.join('\n')).toContain('quitting before cleanup finished (20 ms)');
  });

  it('lets a stream cancelled by quitting write its usage row before the history closes', async () => {
    const dataDir = join(home, 'streams');
    const core = createCoreFromServices(createServices({ dataDir }));
    const parts: CallPart[] = [];
    const context = {
      emit: (_name: string, payload: unknown) => parts.push(...(payload as { parts: CallPart[] }).parts),
    };
    await core.dispatch(
      'endpoints.save',
      { id: 'local', kind: 'openai-compatible', baseURL: `${fake.url}/v1` },
      context,
    );
    fake.enqueue({ kind: 'text', text: 'word '.repeat(400), delayMs: 20, model: 'slow' });
    expect(await core.dispatch('chat.send', { modelId: 'local/slow', text: 'Go' }, context)).toMatchObject({
      ok: true,
    });
    await expect.poll(() => parts.some((part) => part.type === 'text-delta')).toBe(true);
    let hasQuit = false;
    createQuitGate({ cleanup: () => core.dispose(), quit: () => (hasQuit = true) })(quitEvent());
    await expect.poll(() => hasQuit).toBe(true);
    const store = openStore(dataDir);
    try {
      expect(store.listUsage({ since: '1970-01-01', limit: 10 }).map((record) => record.status)).toEqual(['cancelled']);
    } finally {
      store.close();
    }
  });
});
