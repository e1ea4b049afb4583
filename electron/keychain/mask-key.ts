import type { KeyStatus } from '../../shared/contract';

/** Below this length four characters are too large a part of the key to show. */
const shortestKeyWithHint = 12;

/** All the renderer may know of a key. */
export function maskKey(key: string | undefined): KeyStatus {
  if (key === undefined || key.length === 0) return { isSet: false, last4: null };
  return { isSet: true, last4: key.length >= shortestKeyWithHint ? key.slice(-4) : '' };
}
