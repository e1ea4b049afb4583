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
 * What a frame's stream updates may cost in script: the layout and paint they cause cost more again, and every
 * frame drawn costs its own; 2 ms kept 8 streaming panes near 60 frames a second with the fewest renders.
 */
export const streamBudgetMs = 2;

/**
 * Holds stream parts as they arrive (each stream's batch is its own socket or IPC message) and hands them over
 * once per frame: 8 panes streaming cost one store update and one render per frame, not one per pane per batch.
 * A frame takes as many streams as `streamBudgetMs` holds at the last update's cost per stream, those waiting longest
 * first; the others wait for the next frames (8 panes whose render cost 5 ms each made one 40 ms task a frame).
 * When an update (and the render it causes, which React runs in a microtask) still went over the budget, the next
 * one waits as many frames more as it went over, so the page keeps drawing frames; parts keep their order within
 * a stream.
 */
export function createPartsQueue(
  apply: (pending: Map<string, CallPart[]>) => void,
  schedule: (run: () => void) => void = nextFrame,
  now: () => number = () => performance.now(),
) {
  // A Map keeps insertion order: the stream waiting longest comes first.
  let pending = new Map<string, CallPart[]>();
  let isScheduled = false;
  let framesToWait = 0;
  let costPerStreamMs = 0;
  const scheduleFlush = () => {
    if (isScheduled || pending.size === 0) return;
    isScheduled = true;
    schedule(waitThenFlush);
  };
  const flush = (streams = Infinity) => {
    if (pending.size === 0) return;
    let taken = pending;
    if (streams < pending.size) {
      const entries = [...pending];
      taken = new Map(entries.slice(0, streams));
      pending = new Map(entries.slice(streams));
    } else {
      pending = new Map();
    }
    const started = now();
    apply(taken);
    queueMicrotask(() => {
      const costMs = now() - started;
      costPerStreamMs = costMs / taken.size;
      framesToWait = Math.min(4, Math.floor(costMs / frameBudgetMs));
      scheduleFlush();
    });
  };
  const waitThenFlush = () => {
    isScheduled = false;
    if (framesToWait > 0) {
      framesToWait -= 1;
      isScheduled = true;
      schedule(waitThenFlush);
      return;
    }
    flush(costPerStreamMs > 0 ? Math.max(1, Math.floor(streamBudgetMs / costPerStreamMs)) : Infinity);
  };
  return {
    push(streamId: string, parts: CallPart[]) {
      const held = pending.get(streamId);
      if (held) held.push(...parts);
      else pending.set(streamId, [...parts]);
      scheduleFlush();
    },
    /** Applies everything held now (before the connection's loss ends the open answers). */
    flush: () => flush(),
  };
}
