import type { CallPart } from '../../../shared/types/chat';

/** Calls `run` at the next animation frame, or after `fallbackMs` when frames do not come (a hidden window). */
export function nextFrame(run: () => void, fallbackMs = 100): void {
  let isDone = false;
  const once = () => {
    if (isDone) return;
    isDone = true;
    clearTimeout(timer);
    run();
  };
  const timer = setTimeout(once, fallbackMs);
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(once);
}

/** Half a 60 Hz frame: what applying parts may cost per frame, leaving the rest to layout, paint and input. */
export const frameBudgetMs = 8;

/**
 * Holds stream parts as they arrive (each stream's batch is its own socket or IPC message) and hands every
 * stream's parts over together once per frame: 8 panes streaming cost one store update and one render per
 * frame, not one per pane per batch. When that update (and the render it causes, which React runs in a
 * microtask) took more than the frame budget, the next one waits as many frames more as it went over, so the
 * page keeps drawing frames; parts keep their order within a stream.
 */
export function createPartsQueue(
  apply: (pending: Map<string, CallPart[]>) => void,
  schedule: (run: () => void) => void = nextFrame,
  now: () => number = () => performance.now(),
) {
  let pending = new Map<string, CallPart[]>();
  let isScheduled = false;
  let framesToWait = 0;
  const flush = () => {
    isScheduled = false;
    if (pending.size === 0) return;
    const taken = pending;
    pending = new Map();
    const started = now();
    apply(taken);
    queueMicrotask(() => (framesToWait = Math.min(4, Math.floor((now() - started) / frameBudgetMs))));
  };
  const waitThenFlush = () => {
    if (framesToWait === 0) return flush();
    framesToWait -= 1;
    schedule(waitThenFlush);
  };
  return {
    push(streamId: string, parts: CallPart[]) {
      const held = pending.get(streamId);
      if (held) held.push(...parts);
      else pending.set(streamId, [...parts]);
      if (!isScheduled) {
        isScheduled = true;
        schedule(waitThenFlush);
      }
    },
    /** Applies what is held now (before the connection's loss ends the open answers). */
    flush,
  };
}
