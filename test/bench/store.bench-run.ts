// How fast the history records a call and answers the Usage screen with 20,000 calls stored.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { UsageRecord } from '../../shared/types/usage';
import { openStore } from '../../electron/store/open-store';
import { measure } from './measure';

let counter = 0;
function row(): UsageRecord {
  counter += 1;
  return {
    id: `bench-${counter}`,
    createdAt: new Date(Date.UTC(2026, 0, 1) + counter * 60_000).toISOString(),
    source: counter % 2 ? 'app' : 'api',
    status: 'ok',
    requestedModel: 'fast',
    target: 'local/llama3.2',
    servedModel: 'llama3.2',
    finishReason: 'stop',
    timeToFirstTokenMs: 120,
    totalMs: 900,
    usage: { inputTokens: 120, cacheReadTokens: 0, cacheWriteTokens: 0, outputTokens: 300, reasoningTokens: null },
    tokensPerSecond: 42,
    costUSD: 0.00007,
    costSource: 'config',
    attempts: [{ target: 'local/llama3.2', startedAtMs: 0, durationMs: 900, error: null }],
    error: null,
    conversationId: null,
    apiProtocol: counter % 2 ? null : 'openai-chat',
    apiPath: counter % 2 ? null : 'pass-through',
  };
}

it('usage history with 20,000 calls', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-bench-'));
  const store = openStore(dir);
  for (let index = 0; index < 20_000; index += 1) store.recordUsage(row());
  const insert = await measure('store: record one usage row (WAL, 20k rows)', 2000, () => store.recordUsage(row()));
  const recent = await measure('store: 200 newest rows (Usage screen)', 200, () => store.listUsage({ limit: 200 }));
  const since = await measure('store: rows since a date, up to 10,000 (CLI --since)', 50, () =>
    store.listUsage({ since: '2026-01-10T00:00:00.000Z', limit: 10_000 }),
  );
  const spend = await measure('store: spend by model over every call (Usage screen)', 50, () => store.spendByModel());
  store.close();
  rmSync(dir, { recursive: true, force: true });
  expect([insert, recent, since, spend].every((result) => result.medianMs > 0)).toBe(true);
});
