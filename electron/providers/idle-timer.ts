/** Aborts when nothing arrived for `timeoutMs`; an event costs one assignment, the timer re-arms itself. */
export function idleTimer(timeoutMs: number) {
  const controller = new AbortController();
  let lastEventAt = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const check = () => {
    const wait = lastEventAt + timeoutMs - performance.now();
    if (wait <= 0) return controller.abort(new DOMException('no answer in time', 'TimeoutError'));
    timer = setTimeout(check, wait);
    timer.unref();
  };
  check();
  return {
    signal: controller.signal,
    onEvent: () => {
      lastEventAt = performance.now();
    },
    stop: () => clearTimeout(timer),
  };
}

export type IdleTimer = ReturnType<typeof idleTimer>;

/** The caller's signal and the idle timer's, as one. */
export function callSignal(callerSignal: AbortSignal | undefined, idle: IdleTimer | undefined) {
  if (!idle) return callerSignal;
  return callerSignal ? AbortSignal.any([callerSignal, idle.signal]) : idle.signal;
}
