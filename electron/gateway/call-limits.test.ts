import { describe, expect, it } from 'vitest';
import { configSchema, type EndpointConfig } from '../../shared/types/config';
import { callLimits, defaultLimits, formatBytes, formatDuration, limitMessage, routeLimits } from './call-limits';

const endpoint: EndpointConfig = { id: 'local', kind: 'openai-compatible', baseURL: 'http://127.0.0.1:11434/v1' };

describe('callLimits', () => {
  it('takes each limit from the route, else the endpoint, else the default', () => {
    const limits = callLimits(
      { name: 'fast', timeouts: { firstTokenMs: 5000 } },
      { ...endpoint, timeouts: { firstTokenMs: 90_000, idleMs: 45_000 }, maxAnswerBytes: 1024 },
    );
    expect(limits).toMatchObject({
      firstTokenMs: 5000,
      idleMs: 45_000,
      totalMs: defaultLimits.totalMs,
      maxAnswerBytes: 1024,
    });
  });

  it('names the route setting to raise, or the endpoint one for a call without a route', () => {
    expect(callLimits({ name: 'fast' }, endpoint).settingFor('idleMs')).toBe('routes.fast.timeouts.idleMs');
    expect(callLimits({ name: 'fast' }, endpoint).settingFor('maxAnswerBytes')).toBe('routes.fast.maxAnswerBytes');
    expect(callLimits(undefined, endpoint).settingFor('totalMs')).toBe('timeouts.totalMs on endpoint "local"');
  });

  it('says what happened and what to raise', () => {
    const limits = callLimits({ name: 'fast' }, endpoint);
    expect(limitMessage('maxAnswerBytes', limits, 'local/llama3.2', true)).toBe(
      'Stopped: the answer passed 4 MiB (maxAnswerBytes); the partial answer is kept. Raise routes.fast.maxAnswerBytes in config.json to allow longer answers.',
    );
    expect(limitMessage('totalMs', limits, 'local/llama3.2', false)).toBe(
      'No answer at the 10 min limit for the whole call (timeouts.totalMs). Raise routes.fast.timeouts.totalMs in config.json to allow longer calls.',
    );
  });
});

describe('routeLimits', () => {
  const config = configSchema.parse({
    endpoints: [endpoint],
    routes: { fast: { targets: ['local/m'], timeouts: { idleMs: 1000 }, maxAnswerBytes: 2048 } },
  });
  it("carries a route's own limits", () => {
    expect(routeLimits(config, 'fast')).toEqual({ name: 'fast', timeouts: { idleMs: 1000 }, maxAnswerBytes: 2048 });
  });
  it('finds no route for an endpoint model id, nor for names every object has', () => {
    expect(routeLimits(config, 'local/m')).toBeUndefined();
    expect(routeLimits(config, 'constructor')).toBeUndefined();
    expect(routeLimits(config, '__proto__')).toBeUndefined();
  });
});

describe('formatting', () => {
  it('writes durations and sizes as people read them', () => {
    expect([250, 1500, 30_000, 90_000, 600_000].map(formatDuration)).toEqual([
      '250 ms',
      '1.5 s',
      '30 s',
      '90 s',
      '10 min',
    ]);
    expect([512, 64 * 1024, 1536 * 1024, 4 * 1024 * 1024].map(formatBytes)).toEqual([
      '512 bytes',
      '64 KiB',
      '1.5 MiB',
      '4 MiB',
    ]);
  });
});
