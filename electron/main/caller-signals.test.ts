import { describe, expect, it } from 'vitest';
import { createCallerSignals } from './caller-signals';

/** A webContents as the bookkeeping sees it; `go` plays Electron's destroyed / render-process-gone events. */
function fakePage(id: number) {
  const listeners: ((isDestroyed: boolean) => void)[] = [];
  const page = {
    id,
    isGone: false,
    isDestroyed: () => page.isGone,
    go(isDestroyed: boolean) {
      page.isGone = isDestroyed;
      for (const listener of listeners) listener(isDestroyed);
    },
  };
  return { page, listeners };
}

function signalsWithWatchCount() {
  const watchedIds: number[] = [];
  const signals = createCallerSignals<ReturnType<typeof fakePage>['page']>((page, gone) => {
    watchedIds.push(page.id);
    pages.get(page.id)!.listeners.push(gone);
  });
  const pages = new Map<number, ReturnType<typeof fakePage>>();
  const add = (id: number) => {
    const entry = fakePage(id);
    pages.set(id, entry);
    return entry.page;
  };
  return { signals, watchedIds, add };
}

describe('one abort signal per asking page', () => {
  it('aborts only the page that went, and forgets it', () => {
    const { signals, watchedIds, add } = signalsWithWatchCount();
    const first = add(1);
    const second = add(2);
    const firstSignal = signals.signalFor(first);
    expect(signals.signalFor(first)).toBe(firstSignal);
    const secondSignal = signals.signalFor(second);
    expect(watchedIds).toEqual([1, 2]);
    first.go(true);
    expect(firstSignal.aborted).toBe(true);
    expect(secondSignal.aborted).toBe(false);
    expect(signals.size).toBe(1);
  });

  it('gives a page that is already gone an aborted signal, without watching it', () => {
    const { signals, watchedIds, add } = signalsWithWatchCount();
    const page = add(3);
    page.isGone = true;
    expect(signals.signalFor(page).aborted).toBe(true);
    expect(watchedIds).toEqual([]);
    expect(signals.size).toBe(0);
  });

  it('starts afresh after a crash or reload, watching the page once', () => {
    const { signals, watchedIds, add } = signalsWithWatchCount();
    const page = add(4);
    const before = signals.signalFor(page);
    page.go(false);
    expect(before.aborted).toBe(true);
    const after = signals.signalFor(page);
    expect(after.aborted).toBe(false);
    expect(after).not.toBe(before);
    expect(watchedIds).toEqual([4]);
  });
});
