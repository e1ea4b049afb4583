import { describe, expect, it } from 'vitest';
import { ProviderError } from '../providers/provider-error';
import { orderTargets, retryDelayMs, shouldFailOver, tokensPerSecond } from './failover-policy';

const error = (code: ProviderError['code'], status?: number) =>
  new ProviderError({ code, message: code, status, isRetryable: true });

describe('shouldFailOver', () => {
  it('moves on before the first token for connection, auth, rate and server failures', () => {
    for (const code of [
      'NETWORK',
      'TIMEOUT',
      'PROVIDER_AUTH',
      'PROVIDER_RATE_LIMITED',
      'PROVIDER_UNAVAILABLE',
      'KEY_MISSING',
    ] as const) {
      expect(shouldFailOver(error(code), false)).toBe(true);
    }
  });
  it('reports an invalid request at once: it would fail at every target', () => {
    expect(shouldFailOver(error('PROVIDER_BAD_REQUEST', 400), false)).toBe(false);
  });
  it('never moves on after the first token', () => {
    expect(shouldFailOver(error('PROVIDER_UNAVAILABLE', 529), true)).toBe(false);
  });
  it("moves on from a target too slow to start, but not past the whole call's time or size", () => {
    expect(shouldFailOver(error('TIMEOUT'), false, 'firstTokenMs')).toBe(true);
    expect(shouldFailOver(error('TIMEOUT'), false, 'totalMs')).toBe(false);
    expect(shouldFailOver(error('ANSWER_TOO_LARGE'), false, 'maxAnswerBytes')).toBe(false);
  });
});

describe('orderTargets', () => {
  const targets = [{ target: 'a/x' }, { target: 'b/y' }, { target: 'c/z' }];
  it('keeps the configured order when nothing is cooling down', () => {
    expect(orderTargets(targets, new Map(), 1000).map((t) => t.target)).toEqual(['a/x', 'b/y', 'c/z']);
  });
  it('sends a rate-limited target to the back until its wait is over', () => {
    const cooling = new Map([['a/x', 2000]]);
    expect(orderTargets(targets, cooling, 1000).map((t) => t.target)).toEqual(['b/y', 'c/z', 'a/x']);
    expect(orderTargets(targets, cooling, 2500).map((t) => t.target)).toEqual(['a/x', 'b/y', 'c/z']);
  });
});

describe('tokensPerSecond', () => {
  it('divides output tokens by the streaming time', () => {
    expect(tokensPerSecond(100, 2000)).toBe(50);
  });
  it('is null when there is nothing to measure', () => {
    expect(tokensPerSecond(undefined, 1000)).toBeNull();
    expect(tokensPerSecond(10, 0)).toBeNull();
  });
});

describe('retryDelayMs', () => {
  it('retries the last target once after a passing failure', () => {
    expect(retryDelayMs(error('PROVIDER_UNAVAILABLE', 503), true, false)).toBe(250);
    expect(retryDelayMs(error('PROVIDER_UNAVAILABLE', 503), false, false)).toBeNull();
    expect(retryDelayMs(error('PROVIDER_UNAVAILABLE', 503), true, true)).toBeNull();
  });
  it('does not ask a target that passed a time limit again', () => {
    expect(retryDelayMs(error('TIMEOUT'), true, false)).toBe(250);
    expect(retryDelayMs(error('TIMEOUT'), true, false, 'firstTokenMs')).toBeNull();
  });
  it('waits as asked, but not for long, and never retries a rejected key', () => {
    const limited = new ProviderError({
      code: 'PROVIDER_RATE_LIMITED',
      message: 'x',
      isRetryable: true,
      retryAfterMs: 1500,
    });
    expect(retryDelayMs(limited, true, false)).toBe(1500);
    const longWait = new ProviderError({
      code: 'PROVIDER_RATE_LIMITED',
      message: 'x',
      isRetryable: true,
      retryAfterMs: 60_000,
    });
    expect(retryDelayMs(longWait, true, false)).toBeNull();
    expect(retryDelayMs(error('PROVIDER_AUTH', 401), true, false)).toBeNull();
    expect(
      retryDelayMs(
        new ProviderError({
          code: 'NETWORK',
          message: 'x could not be reached: connection refused',
          isRetryable: true,
        }),
        true,
        false,
      ),
    ).toBeNull();
  });
});
