import type { Keychain } from './types';

/** A keychain that keeps keys it read in memory for a short while, and can be told to forget one. */
export interface CachedKeychain extends Keychain {
  /** Drops the remembered key of `endpointId`, so the next read asks the OS keychain. */
  forget(endpointId: string): void;
}

export interface CachedKeychainOptions {
  /**
   * How long a key read is reused (5 s): long enough that a busy endpoint reads the OS keychain (about a
   * millisecond over D-Bus) once in thousands of calls, short enough that `keys set` or `keys remove` in
   * another process applies within seconds. Changes through this object apply at once.
   */
  ttlMs?: number;
  now?: () => number;
}

export const keyCacheTtlMs = 5000;

/**
 * Remembers each endpoint's key (or its absence) in this process's memory only, never on disk. Reads of the
 * same endpoint at the same time share one keychain call; a failed read is not remembered.
 */
export function createCachedKeychain(inner: Keychain, options: CachedKeychainOptions = {}): CachedKeychain {
  const ttlMs = options.ttlMs ?? keyCacheTtlMs;
  const now = options.now ?? (() => performance.now());
  const kept = new Map<string, { key: Promise<string | undefined>; until: number }>();
  const forget = (endpointId: string) => {
    kept.delete(endpointId);
  };
  return {
    get(endpointId) {
      const entry = kept.get(endpointId);
      if (entry && entry.until > now()) return entry.key;
      const key = inner.get(endpointId);
      kept.set(endpointId, { key, until: now() + ttlMs });
      key.catch(() => {
        if (kept.get(endpointId)?.key === key) kept.delete(endpointId);
      });
      return key;
    },
    // Forgotten before and after: a read that started during the change is not kept either.
    async set(endpointId, key) {
      forget(endpointId);
      try {
        await inner.set(endpointId, key);
      } finally {
        forget(endpointId);
      }
    },
    async remove(endpointId) {
      forget(endpointId);
      try {
        return await inner.remove(endpointId);
      } finally {
        forget(endpointId);
      }
    },
    list: () => inner.list(),
    forget,
  };
}
