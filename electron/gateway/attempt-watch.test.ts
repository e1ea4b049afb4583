import { describe, expect, it } from 'vitest';
import { AttemptWatch } from './attempt-watch';
import type { CallLimits } from './call-limits';

const limits: CallLimits = {
  firstTokenMs: 60_000,
  idleMs: 60_000,
  totalMs: 60_000,
  maxAnswerBytes: 1024,
  settingFor: (limit) => `timeouts.${limit}`,
};

describe('AttemptWatch', () => {
  it('aborts the upstream request when an attempt ends while it may still run', () => {
    const caller = new AbortController();
    const watch = new AttemptWatch(limits, 0, 60_000, () => 0, caller.signal);
    watch.stop();
    expect(watch.signal.aborted).toBe(true);
    expect(caller.signal.aborted).toBe(false);
  });

  it('leaves a request its reader already ended alone: no abort to run, and no limit named', () => {
    const watch = new AttemptWatch(limits, 0, 60_000, () => 0, new AbortController().signal);
    watch.token();
    watch.stop(true);
    expect(watch.signal.aborted).toBe(false);
    expect(watch.hit).toBeUndefined();
  });

  it('still follows the caller after it stopped', () => {
    const caller = new AbortController();
    const watch = new AttemptWatch(limits, 0, 60_000, () => 0, caller.signal);
    watch.stop(true);
    caller.abort();
    expect(watch.signal.aborted).toBe(true);
  });
});
