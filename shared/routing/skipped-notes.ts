import type { RouteDecision } from '../types/usage';

/** A target the route did not call for this answer, and why, in words for the answer's failover notes. */
export interface SkippedNote {
  target: string;
  text: string;
}

const utcTime = (iso: string) => `${iso.slice(11, 19)} UTC`;

/**
 * The answer's notes on targets skipped before calling them: benched (and when the bench ends), too small for
 * the request, missing a capability it needs, or left out by the request itself. `formatTime` shows the
 * bench's end (the renderer passes the user's local time).
 */
export function skippedNotes(
  decision: RouteDecision | null | undefined,
  formatTime: (iso: string) => string = utcTime,
): SkippedNote[] {
  if (!decision) return [];
  const notes: SkippedNote[] = [];
  for (const entry of decision.considered) {
    const { target, why } = entry;
    switch (entry.status) {
      case 'benched': {
        const reason = why.replace(/^benched until \S+: /, '');
        const until = entry.until ? ` until ${formatTime(entry.until)}` : '';
        notes.push({ target, text: `${target} skipped: benched${until} after failing (${reason})` });
        break;
      }
      case 'too-small':
        notes.push({ target, text: `${target} skipped: too small for this request (${why})` });
        break;
      case 'missing-capability':
        notes.push({ target, text: `${target} skipped: ${why}` });
        break;
      case 'left-out':
        notes.push({ target, text: `${target} left out by this request (${why})` });
        break;
      default:
        break;
    }
  }
  return notes;
}
