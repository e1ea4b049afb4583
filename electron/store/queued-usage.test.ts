import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { usageRecord as record } from '../../shared/types/__fixtures__/usage-record';
import { openStore, usageFlushMs } from './open-store';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'switchboard-queued-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** What another process reading the file sees. */
function idsOnDisk(): string[] {
  const db = new Database(join(dir, 'switchboard.db'), { readonly: true });
  try {
    return (db.prepare('SELECT id FROM usage ORDER BY id').all() as { id: string }[]).map((row) => row.id);
  } finally {
    db.close();
  }
}

describe('usage rows written after the response', () => {
  it('writes queued rows within a moment, all of them, in one batch', async () => {
    const store = openStore(dir);
    store.queueUsage(record('a', '2026-11-01T10:00:00.000Z'));
    await nextTurn();
    store.queueUsage(record('b', '2026-11-01T10:00:01.000Z'));
    // Rows of calls a few turns apart wait for each other: one transaction, not one per call.
    expect(idsOnDisk()).toEqual([]);
    await sleep(usageFlushMs * 2);
    expect(idsOnDisk()).toEqual(['a', 'b']);
    store.close();
  });

  it('lets every read see the rows queued before it, and budgets count them', () => {
    const store = openStore(dir);
    store.queueUsage(record('a', '2026-11-01T10:00:00.000Z', { target: 'x/m', costUSD: 0.25 }));
    expect(store.listUsage().map((row) => row.id)).toEqual(['a']);
    store.queueUsage(record('b', '2026-11-01T11:00:00.000Z', { target: 'x/m', costUSD: 0.5 }));
    expect(store.spendByEndpoint('2026-11-01', '2026-11-02')).toMatchObject([{ endpoint: 'x', costUSD: 0.75 }]);
    store.close();
  });

  it('writes queued rows on close and on flushUsage', () => {
    const store = openStore(dir);
    store.queueUsage(record('a', '2026-11-01T10:00:00.000Z'));
    store.flushUsage();
    expect(idsOnDisk()).toEqual(['a']);
    store.queueUsage(record('b', '2026-11-01T10:00:01.000Z'));
    store.close();
    expect(idsOnDisk()).toEqual(['a', 'b']);
  });

  it('drops, with a log line, a row SQLite refuses for itself, without holding back the others', async () => {
    const store = openStore(dir);
    store.recordUsage(record('taken', '2026-11-01T09:00:00.000Z'));
    // The same id again: SQLite refuses that one row.
    store.queueUsage(record('taken', '2026-11-01T10:00:00.000Z'));
    store.queueUsage(record('fine', '2026-11-01T10:00:01.000Z'));
    const logged: string[] = [];
    const original = console.error;
    console.error = (message: string) => logged.push(message);
    try {
      await sleep(usageFlushMs * 2);
    } finally {
      console.error = original;
    }
    expect(idsOnDisk()).toEqual(['fine', 'taken']);
    expect(logged.join('\n')).toMatch(/could not save 1 usage row\(s\).*UNIQUE/s);
    logged.length = 0;
    console.error = (message: string) => logged.push(message);
    try {
      store.close();
    } finally {
      console.error = original;
    }
    // Not tried again: it would fail the same way forever.
    expect(logged).toEqual([]);
  });
});
