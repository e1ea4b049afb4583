import { describe, expect, it } from 'vitest';
import { parseResetDuration, rateLimitResetMs } from './rate-limit';

describe('rate-limit headers', () => {
  it('reads OpenAI reset durations', () => {
    expect(parseResetDuration('1s')).toBe(1000);
    expect(parseResetDuration('6m0s')).toBe(360_000);
    expect(parseResetDuration('20ms')).toBe(20);
    expect(parseResetDuration('1h2m3.5s')).toBe(3_723_500);
    expect(parseResetDuration('soon')).toBeUndefined();
    expect(parseResetDuration('5s later')).toBeUndefined();
  });

  it('waits only when a limit is used up, for the longest reset', () => {
    expect(rateLimitResetMs({ 'x-ratelimit-remaining-requests': '12', 'x-ratelimit-reset-requests': '1s' })).toBe(
      undefined,
    );
    expect(
      rateLimitResetMs({
        'x-ratelimit-remaining-requests': '0',
        'x-ratelimit-reset-requests': '2s',
        'x-ratelimit-remaining-tokens': '0',
        'x-ratelimit-reset-tokens': '6m0s',
      }),
    ).toBe(360_000);
  });

  it('reads Anthropic reset times against the clock', () => {
    const now = Date.parse('2026-11-25T10:00:00Z');
    const headers = {
      'anthropic-ratelimit-requests-remaining': '0',
      'anthropic-ratelimit-requests-reset': '2026-11-25T10:00:30Z',
      'anthropic-ratelimit-tokens-remaining': '5000',
    };
    expect(rateLimitResetMs(headers, now)).toBe(30_000);
  });

  it('still waits a little when a used-up limit gives no reset it can read', () => {
    expect(rateLimitResetMs({ 'anthropic-ratelimit-output-tokens-remaining': '0' })).toBe(10_000);
    expect(rateLimitResetMs(undefined)).toBeUndefined();
  });
});
