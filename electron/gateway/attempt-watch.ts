import type { CallLimits, TimeLimit } from './call-limits';

/** Why an attempt's signal aborts when it ends: made once, not for every attempt. */
const attemptOver = new DOMException('The attempt is over.', 'AbortError');

/**
 * Holds one attempt to its time limits: the first token within `firstTokenMs` of the request, no gap
 * over `idleMs` between tokens after it, and the whole call within `totalMs` of its start. Passing one
 * aborts `signal` (and with it the upstream request) and names the limit in `hit`.
 *
 * A token costs one assignment: the single timer re-arms itself when it finds the deadline moved.
 */
export class AttemptWatch {
  readonly signal: AbortSignal;
  /** The limit that stopped the attempt, if one did. */
  hit: TimeLimit | undefined;
  private readonly controller = new AbortController();
  private lastTokenAt: number | null = null;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly limits: CallLimits,
    private readonly startedAt: number,
    private readonly callDeadline: number,
    private readonly now: () => number,
    callerSignal?: AbortSignal,
  ) {
    this.signal = callerSignal ? AbortSignal.any([callerSignal, this.controller.signal]) : this.controller.signal;
    this.arm();
  }

  /** A token arrived: the idle limit runs from now. */
  token(): void {
    const isFirst = this.lastTokenAt === null;
    this.lastTokenAt = this.now();
    // The idle deadline may come before the first-token one the timer waits for.
    if (isFirst) this.arm();
  }

  /**
   * Ends the attempt: the timer stops and the upstream request is aborted if it still runs. `isUpstreamEnded`
   * when the stream's reader already ended it (read to its end, or destroyed): the abort would find nothing to
   * stop, and its events cost more than the rest of the watch.
   */
  stop(isUpstreamEnded = false): void {
    clearTimeout(this.timer);
    if (!isUpstreamEnded) this.controller.abort(attemptOver);
  }

  private deadline(): { at: number; limit: TimeLimit } {
    const own: { at: number; limit: TimeLimit } =
      this.lastTokenAt === null
        ? { at: this.startedAt + this.limits.firstTokenMs, limit: 'firstTokenMs' }
        : { at: this.lastTokenAt + this.limits.idleMs, limit: 'idleMs' };
    return own.at <= this.callDeadline ? own : { at: this.callDeadline, limit: 'totalMs' };
  }

  private arm(): void {
    clearTimeout(this.timer);
    if (this.controller.signal.aborted) return;
    const { at, limit } = this.deadline();
    const wait = at - this.now();
    if (wait <= 0) {
      this.hit = limit;
      this.controller.abort(new DOMException(`the ${limit} limit was hit`, 'TimeoutError'));
      return;
    }
    this.timer = setTimeout(() => this.arm(), wait);
    // A pending limit never keeps the process alive on its own.
    this.timer.unref();
  }
}
