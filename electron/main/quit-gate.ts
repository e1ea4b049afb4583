export interface QuitGateOptions {
  /** Stops taking requests, cancels streams and waits for their rows; then the history can close. */
  cleanup(): Promise<void>;
  /** Quits for real (Electron's app.quit); the gate lets that second quit through. */
  quit(): void;
  /** A cleanup that hangs must not keep the app from quitting. */
  timeoutMs?: number;
  log?(line: string): void;
}

/**
 * The before-quit handler: the first quit is held until cleanup has finished (or timed out), then quits
 * again; quits asked for meanwhile wait for the same cleanup.
 */
export function createQuitGate(options: QuitGateOptions): (event: { preventDefault(): void }) => void {
  const { timeoutMs = 10_000, log = (line: string) => console.warn(`switchboard: ${line}`) } = options;
  let state: 'running' | 'cleaning' | 'done' = 'running';
  return (event) => {
    if (state === 'done') return;
    event.preventDefault();
    if (state === 'cleaning') return;
    state = 'cleaning';
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        log(`quitting before cleanup finished (${timeoutMs} ms): calls still in flight may lack their usage rows`);
        resolve();
      }, timeoutMs);
    });
    const cleanup = Promise.resolve()
      .then(() => options.cleanup())
      .catch((error: unknown) => log(`cleanup before quitting failed: ${(error as Error).message}`));
    void Promise.race([cleanup, deadline]).then(() => {
      clearTimeout(timer);
      state = 'done';
      options.quit();
    });
  };
}
