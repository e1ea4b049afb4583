import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { UsageRecord } from '../../shared/types/usage';
import { migrateHistoryFile } from './history-file';
import { openStore } from './open-store';
import { routeHistorySql } from './route-history';

const call = (id: string, requestedModel: string, createdAt: string, status: UsageRecord['status']): UsageRecord => ({
  id,
  createdAt,
  source: 'app',
  status,
  requestedModel,
  target: 'a/m',
  servedModel: 'm',
  finishReason: 'stop',
  timeToFirstTokenMs: 120,
  totalMs: 500,
  usage: { inputTokens: 1, cacheReadTokens: 0, cacheWriteTokens: 0, outputTokens: 7, reasoningTokens: null },
  tokensPerSecond: 30,
  costUSD: null,
  costSource: 'unknown',
  attempts: [{ target: 'a/m', startedAtMs: 0, durationMs: 500, error: null }],
  error: null,
  conversationId: null,
  apiProtocol: null,
  apiPath: null,
});

describe("a route's recent calls", () => {
  it("are the route's own, newest first, without cancelled ones", () => {
    const store = openStore(':memory:');
    store.recordUsage(call('1', 'r', '2026-11-01T00:00:00.000Z', 'ok'));
    store.recordUsage(call('2', 'r', '2026-11-03T00:00:00.000Z', 'ok'));
    store.recordUsage(call('3', 'r', '2026-11-04T00:00:00.000Z', 'cancelled'));
    store.recordUsage(call('4', 'other', '2026-11-05T00:00:00.000Z', 'ok'));
    const calls = store.recentRouteCalls('r');
    expect(calls).toHaveLength(2);
    expect(calls[0]).toEqual({
      target: 'a/m',
      timeToFirstTokenMs: 120,
      tokensPerSecond: 30,
      outputTokens: 7,
      attempts: [{ target: 'a/m', startedAtMs: 0, durationMs: 500, error: null }],
    });
    store.close();
  });

  it('are read through the requested-model index, never the whole table', () => {
    const db = new Database(':memory:');
    migrateHistoryFile(db, ':memory:');
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${routeHistorySql}`).all('r', 200) as Array<{ detail: string }>;
    expect(plan.map((row) => row.detail).join(' ')).toMatch(/USING INDEX usage_by_requested_model/);
    expect(plan.map((row) => row.detail).join(' ')).not.toMatch(/TEMP B-TREE/);
    db.close();
  });
});
