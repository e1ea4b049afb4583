import type { UsageRecord } from '../usage';

/** A usage row with every field set; override what a test is about. */
export const usageRecord = (id: string, createdAt: string, overrides: Partial<UsageRecord> = {}): UsageRecord => ({
  id,
  createdAt,
  source: 'api',
  status: 'ok',
  requestedModel: 'fast',
  target: 'local/llama3.2',
  servedModel: 'llama3.2',
  finishReason: 'stop',
  timeToFirstTokenMs: 120.5,
  totalMs: 900,
  tokensPerSecond: 41.2,
  costUSD: 0.0000026,
  costSource: 'config',
  usage: { inputTokens: 12, cacheReadTokens: 3, cacheWriteTokens: 1, outputTokens: 7, reasoningTokens: null },
  attempts: [
    {
      target: 'dead/llama3.2',
      startedAtMs: 0,
      durationMs: 3,
      error: { code: 'NETWORK', message: 'connection refused' },
    },
    { target: 'local/llama3.2', startedAtMs: 3, durationMs: 897, error: null },
  ],
  error: null,
  conversationId: null,
  apiProtocol: 'openai-chat',
  apiPath: 'pass-through',
  savedUSD: null,
  ...overrides,
});
