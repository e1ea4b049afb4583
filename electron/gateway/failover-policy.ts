import type { ProviderError } from '../providers/provider-error';
import type { LimitName } from './call-limits';

/**
 * Whether a failed attempt may move on to the next target. After the first token the answer
 * is already on screen, so it never does. Before it, everything moves on except a request the
 * caller got wrong (400/422), which would fail at every target alike, and a limit on the whole
 * call (its time, the answer's size), which no other target can meet either.
 */
export function shouldFailOver(error: ProviderError, hasOutput: boolean, limit?: LimitName): boolean {
  if (hasOutput) return false;
  if (limit === 'totalMs' || limit === 'maxAnswerBytes') return false;
  if (error.code === 'PROVIDER_BAD_REQUEST') return false;
  return true;
}

/**
 * Targets in the order to try them: those still cooling down after a rate limit go last, so a
 * healthy target answers first, but a cooling one is still tried when nothing else is left.
 */
export function orderTargets<T extends { target: string }>(
  targets: T[],
  coolingUntil: ReadonlyMap<string, number>,
  now: number,
): T[] {
  const isCooling = (entry: T) => (coolingUntil.get(entry.target) ?? 0) > now;
  return [...targets.filter((entry) => !isCooling(entry)), ...targets.filter(isCooling)];
}

/** Output tokens per second from the first token to the end; null when not measurable. */
export function tokensPerSecond(outputTokens: number | undefined, streamingMs: number): number | null {
  if (outputTokens === undefined || outputTokens <= 0 || streamingMs <= 0) return null;
  return Math.round((outputTokens / (streamingMs / 1000)) * 10) / 10;
}

/** Failures worth one more try at the same target: passing overloads, resets and short rate limits. */
const transientCodes = new Set([
  'PROVIDER_UNAVAILABLE',
  'PROVIDER_RATE_LIMITED',
  'TIMEOUT',
  'NETWORK',
  'PROVIDER_STREAM_ERROR',
]);

/**
 * How long to wait before trying the last target once more, or null not to. Only the last
 * target is retried (earlier ones fail over instead), and never when the provider asks for a
 * wait longer than the caller would sit through, nor after one of the call's own limits: a
 * target too slow to send its first token would make the caller wait that long again.
 */
export function retryDelayMs(
  error: ProviderError,
  isLastTarget: boolean,
  hasRetried: boolean,
  limit?: LimitName,
  maxWaitMs = 2000,
): number | null {
  if (!isLastTarget || hasRetried || limit !== undefined || !transientCodes.has(error.code)) return null;
  if (error.code === 'NETWORK' && /refused|resolve/.test(error.message)) return null;
  const wait = error.retryAfterMs ?? 250;
  return wait <= maxWaitMs ? wait : null;
}
