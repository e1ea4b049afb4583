/** A target's circuit: closed (called), open (benched until a time), half-open (one probe call out). */
export type CircuitState =
  | { state: 'closed'; failures: number }
  | { state: 'open'; failures: number; until: number; reason: string }
  | { state: 'half-open'; failures: number; reason: string };

export interface HealthOptions {
  /** Consecutive failures that bench a target. */
  failuresToBench?: number;
  /** How long a benched target is skipped before one probe. */
  benchMs?: number;
  now?: () => number;
}

/** Whether a call may use a target now, and why not. */
export type Admission = { ok: true; probe: boolean } | { ok: false; until: number; reason: string };

/**
 * Circuit breakers per target, kept in memory for the app's run: after `failuresToBench` failures in a row a
 * target is benched for `benchMs`, so later calls skip it without waiting out its timeout; then one call
 * probes it, and its outcome closes the circuit or benches it again.
 */
export class TargetHealth {
  private readonly circuits = new Map<string, CircuitState>();
  private readonly failuresToBench: number;
  private readonly benchMs: number;
  private readonly now: () => number;

  constructor(options: HealthOptions = {}) {
    this.failuresToBench = options.failuresToBench ?? 3;
    this.benchMs = options.benchMs ?? 30_000;
    this.now = options.now ?? Date.now;
  }

  state(target: string): CircuitState {
    return this.circuits.get(target) ?? { state: 'closed', failures: 0 };
  }

  /** Asks to call a target; a half-open target lets one call through as its probe. */
  admit(target: string): Admission {
    const circuit = this.state(target);
    if (circuit.state === 'closed') return { ok: true, probe: false };
    if (circuit.state === 'half-open') return { ok: false, until: this.now(), reason: 'a probe call is out' };
    if (circuit.until > this.now()) return { ok: false, until: circuit.until, reason: circuit.reason };
    this.circuits.set(target, { state: 'half-open', failures: circuit.failures, reason: circuit.reason });
    return { ok: true, probe: true };
  }

  succeeded(target: string): void {
    this.circuits.delete(target);
  }

  failed(target: string, reason: string): void {
    const circuit = this.state(target);
    const failures = circuit.failures + 1;
    if (circuit.state === 'half-open' || failures >= this.failuresToBench) {
      this.circuits.set(target, { state: 'open', failures, until: this.now() + this.benchMs, reason });
    } else this.circuits.set(target, { state: 'closed', failures });
  }

  /** A probe that ended without an outcome (cancelled, never tried): the next call probes instead. */
  released(target: string): void {
    const circuit = this.state(target);
    if (circuit.state === 'half-open')
      this.circuits.set(target, { state: 'open', failures: circuit.failures, until: 0, reason: circuit.reason });
  }
}
