import { describe, expect, it } from 'vitest';
import type { UsageRecord } from '../../shared/types/usage';
import { callAttributes } from './call-attributes';

const failedOver: UsageRecord = {
  id: 'call-1',
  createdAt: '2026-11-26T10:00:00.000Z',
  source: 'api',
  status: 'error',
  requestedModel: 'team',
  target: null,
  servedModel: null,
  finishReason: null,
  timeToFirstTokenMs: null,
  totalMs: 900,
  usage: null,
  tokensPerSecond: null,
  costUSD: null,
  costSource: 'unknown',
  attempts: [
    { target: 'a/m', startedAtMs: 0, durationMs: 400, error: { code: 'PROVIDER_UNAVAILABLE', message: '503' } },
    { target: 'claude/c', startedAtMs: 400, durationMs: 500, error: { code: 'PROVIDER_RATE_LIMITED', message: '429' } },
  ],
  error: 'no target answered',
  conversationId: null,
  apiProtocol: 'anthropic',
  apiPath: null,
  routeDecision: { strategy: 'cheapest', estimatedInputTokens: 10, considered: [], narrowed: 'only a, claude' },
};

describe('callAttributes', () => {
  it('names a failed, failed-over call: its last target, every attempt, the error type and the route', () => {
    const attributes = callAttributes(failedOver, 'anthropic');
    expect(attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'anthropic',
      'gen_ai.request.model': 'c',
      'switchboard.target': 'claude/c',
      'switchboard.route': 'team',
      'switchboard.route.strategy': 'cheapest',
      'switchboard.route.narrowed': 'only a, claude',
      'switchboard.attempts': 2,
      'switchboard.attempted_targets': ['a/m', 'claude/c'],
      'switchboard.status': 'error',
      'error.type': 'PROVIDER_RATE_LIMITED',
    });
    // Nothing unknown is made up: no tokens, no cost.
    expect(Object.keys(attributes).filter((key) => key.startsWith('gen_ai.usage'))).toEqual([]);
    expect(attributes).not.toHaveProperty('switchboard.cost_usd');
  });

  it('a direct model id is no route; Gemini is gcp.gemini', () => {
    const direct = {
      ...failedOver,
      requestedModel: 'g/gemini-2.5-flash',
      routeDecision: null,
      target: 'g/gemini-2.5-flash',
    };
    const attributes = callAttributes(direct, 'google');
    expect(attributes).not.toHaveProperty('switchboard.route');
    expect(attributes).toMatchObject({
      'gen_ai.provider.name': 'gcp.gemini',
      'gen_ai.request.model': 'gemini-2.5-flash',
    });
  });

  it('an embeddings call is operation embeddings', () => {
    const embedding = { ...failedOver, apiProtocol: 'openai-embeddings' as const };
    expect(callAttributes(embedding, 'openai')['gen_ai.operation.name']).toBe('embeddings');
  });
});
