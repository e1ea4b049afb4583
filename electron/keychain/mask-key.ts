import type { KeyStatus } from '../../shared/contract';

/** All the renderer may know of a key. */
export function maskKey(key: string | undefined): KeyStatus {
  if (key === undefined || key.length === 0) return { isSet: false, last4: null };
  return { isSet: true, last4: key.slice(-4) };
}
