/** The part of a webContents the bookkeeping reads: Electron's WebContents has both. */
export interface CallerPage {
  readonly id: number;
  isDestroyed(): boolean;
}

/**
 * Calls `gone(isDestroyed)` when the page goes: destroyed (its window closed) for good, or replaced (a crash, a
 * reload) while the webContents lives on. Registered once per webContents.
 */
export type WatchPage<Page extends CallerPage> = (page: Page, gone: (isDestroyed: boolean) => void) => void;

/**
 * One AbortController per page that asked for something: it aborts when that page goes, so the streams it
 * started are cancelled (and recorded so) instead of running on, billed, for nobody.
 */
export function createCallerSignals<Page extends CallerPage>(watch: WatchPage<Page>) {
  const controllers = new Map<number, AbortController>();
  const watched = new Set<number>();

  return {
    /** The signal for everything this page starts now; already aborted for a page that is gone. */
    signalFor(page: Page): AbortSignal {
      if (page.isDestroyed()) return AbortSignal.abort();
      const { id } = page;
      let controller = controllers.get(id);
      if (!controller) {
        controller = new AbortController();
        controllers.set(id, controller);
      }
      if (!watched.has(id)) {
        watched.add(id);
        watch(page, (isDestroyed) => {
          controllers.get(id)?.abort();
          controllers.delete(id);
          if (isDestroyed) watched.delete(id);
        });
      }
      return controller.signal;
    },
    /** Pages with a live controller (for tests and diagnostics). */
    get size(): number {
      return controllers.size;
    },
  };
}
