// A full disk, for real: the data directory is a small tmpfs that the test fills to the last byte.
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallPart } from '../../shared/types/chat';
import { createCoreFromServices } from '../../electron/core/create-core';
import { createServices } from '../../electron/core/services';
import type { Core } from '../../electron/core/types';
import { startFakeProvider, type FakeProvider } from '../fake-provider';

const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-full-disk-'));

/** Mounts a 2 MiB tmpfs on the data directory; returns why not when this machine does not allow it. */
function mountSmallDisk(): string | null {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return 'mounting a small tmpfs needs root on Linux';
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', dataDir], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return `could not mount a tmpfs: ${(error as Error).message.split('\n')[0]}`;
  }
}
const skipReason = mountSmallDisk();

const filler = join(dataDir, 'filler');
/** Writes until the disk refuses even one more byte. */
function fillDisk() {
  const fd = openSync(filler, 'a');
  try {
    for (const size of [65536, 4096, 512, 1]) {
      const chunk = Buffer.alloc(size, 1);
      try {
        for (;;) writeSync(fd, chunk);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
      }
    }
  } finally {
    closeSync(fd);
  }
}
const freeDisk = () => rmSync(filler, { force: true });

let core: Core;
let fake: FakeProvider;
const parts = new Map<string, CallPart[]>();
const context = {
  emit: (_event: string, payload: unknown) => {
    const { streamId, parts: batch } = payload as { streamId: string; parts: CallPart[] };
    parts.set(streamId, [...(parts.get(streamId) ?? []), ...batch]);
  },
};

async function chat(text: string) {
  fake.enqueue({ kind: 'text', text, deltas: 3, usage: { inputTokens: 3, outputTokens: 4 } });
  const sent = await core.dispatch('chat.send', { modelId: 'local/m', text: 'Hi' }, context);
  expect(sent).toMatchObject({ ok: true });
  const { streamId, conversationId } = (sent as { data: { streamId: string; conversationId: string } }).data;
  const terminal = () => parts.get(streamId)?.find((part) => part.type === 'finish' || part.type === 'error');
  await expect.poll(terminal, { timeout: 5000 }).toBeDefined();
  const answer = (parts.get(streamId) ?? [])
    .flatMap((part) => (part.type === 'text-delta' ? [part.text] : []))
    .join('');
  return { answer, terminal: terminal()!, conversationId };
}

describe.skipIf(skipReason !== null)(`a full disk${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  beforeAll(async () => {
    fake = await startFakeProvider();
    core = createCoreFromServices(createServices({ dataDir }));
    await core.dispatch(
      'endpoints.save',
      { id: 'local', kind: 'openai-compatible', baseURL: `${fake.url}/v1` },
      context,
    );
  });
  afterAll(async () => {
    await core?.dispose();
    await fake?.close();
  });

  it('still delivers the answer, says it was not saved and why, and loses nothing saved before', async () => {
    const before = await chat('Saved while there is room.');
    expect(before.terminal).toMatchObject({ type: 'finish' });
    expect(before.terminal).not.toHaveProperty('notSaved');

    fillDisk();
    const during = await chat('Answered on a full disk.');
    expect(during.answer).toBe('Answered on a full disk.');
    expect(during.terminal.type).toBe('finish');
    expect((during.terminal as { notSaved?: string }).notSaved).toMatch(/switchboard\.db failed .*disk is full/i);

    const usage = await core.dispatch('usage.list', {}, context);
    expect(usage).toMatchObject({ ok: true });
    expect(JSON.stringify(usage)).toContain(before.terminal.record.id);
    expect(
      await core.dispatch('conversations.messages', { conversationId: before.conversationId }, context),
    ).toMatchObject({
      ok: true,
      data: [{ role: 'user' }, { role: 'assistant', content: 'Saved while there is room.' }],
    });

    freeDisk();
    const after = await chat('Saved again once there is room.');
    expect(after.terminal).not.toHaveProperty('notSaved');
    expect(JSON.stringify(await core.dispatch('usage.list', {}, context))).toContain(after.terminal.record.id);
  });

  it('refuses to save settings on a full disk with the fix, and keeps the previous config.json whole', async () => {
    const previous = readFileSync(join(dataDir, 'config.json'), 'utf8');
    fillDisk();
    try {
      const saved = await core.dispatch(
        'endpoints.save',
        { id: 'second', kind: 'openai-compatible', baseURL: 'http://127.0.0.1:9/v1' },
        context,
      );
      expect(saved).toMatchObject({ ok: false, error: { code: 'STORAGE' } });
      expect((saved as { error: { message: string } }).error.message).toMatch(/ENOSPC.*Free some disk space/);
      expect(readFileSync(join(dataDir, 'config.json'), 'utf8')).toBe(previous);
      expect(readdirSync(dataDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    } finally {
      freeDisk();
    }
  });
});

afterAll(() => {
  if (skipReason === null) execFileSync('umount', [dataDir]);
  rmSync(dataDir, { recursive: true, force: true });
});
