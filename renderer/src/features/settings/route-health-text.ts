import type { TargetHealthView } from '../../../../shared/contract';
import { formatCost } from '../../ui/format';

/** `Benched until 15:20:31 (another 25 s): HTTP 500 …`, `Probing`, `OK`: a target's circuit in words. */
export function healthStateText(
  target: Pick<TargetHealthView, 'state' | 'benchedUntil' | 'reason' | 'failures'>,
  now: number,
  timeOf: (at: Date) => string = (at) => at.toLocaleTimeString(),
): string {
  if (target.state === 'probing') return 'Probing: one call is testing it';
  if (target.state !== 'benched') return target.failures > 0 ? `OK (${target.failures} failed in a row)` : 'OK';
  const until = target.benchedUntil ? Date.parse(target.benchedUntil) : Number.NaN;
  const when = Number.isNaN(until)
    ? 'Benched'
    : `Benched until ${timeOf(new Date(until))} (${until > now ? `another ${Math.ceil((until - now) / 1000)} s` : 'ending'})`;
  return target.reason ? `${when}: ${target.reason}` : when;
}

/** `80% of 5 calls`, or that there are none yet. */
export function successText(target: Pick<TargetHealthView, 'successRate' | 'samples'>): string {
  if (target.successRate === null) return 'no calls yet';
  return `${Math.round(target.successRate * 100)}% of ${target.samples} ${target.samples === 1 ? 'call' : 'calls'}`;
}

export const medianTtftText = (target: Pick<TargetHealthView, 'medianTtftMs'>) =>
  target.medianTtftMs === null ? '—' : `${Math.round(target.medianTtftMs)} ms`;

/** A call's median cost; `—` when it served no priced call (never $0 for unknown). */
export const medianCostText = (target: Pick<TargetHealthView, 'medianCostUSD'>) =>
  target.medianCostUSD === null || target.medianCostUSD === undefined ? '—' : formatCost(target.medianCostUSD);
