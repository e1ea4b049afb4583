import { describe, expect, it } from 'vitest';
import { createKeytarKeychain } from './keytar-keychain';
import { createCachedKeychain } from './cached-keychain';
import type { Keychain } from './types';

const hasKeyring = process.env.SWITCHBOARD_TEST_KEYRING === '1';

/** Counts the reads that reach the OS keychain. */
function counted(inner: Keychain) {
  const reads = { count: 0 };
  const keychain: Keychain = {
    ...inner,
    get: (endpointId) => {
      reads.count += 1;
      return inner.get(endpointId);
    },
  };
  return { keychain, reads };
}

describe.skipIf(!hasKeyring)('keys kept in memory in front of the OS keychain', () => {
  it('reads the OS keychain once per endpoint while the key is fresh, and again after the TTL', async () => {
    const os = createKeytarKeychain();
    await os.set('cache-ttl', 'sk-cache-0001');
    let clock = 0;
    const { keychain, reads } = counted(os);
    const cached = createCachedKeychain(keychain, { ttlMs: 1000, now: () => clock });
    expect(await cached.get('cache-ttl')).toBe('sk-cache-0001');
    expect(await cached.get('cache-ttl')).toBe('sk-cache-0001');
    expect(reads.count).toBe(1);
    // Another process changes the key: seen once the TTL has passed.
    await os.set('cache-ttl', 'sk-cache-0002');
    expect(await cached.get('cache-ttl')).toBe('sk-cache-0001');
    clock = 1001;
    expect(await cached.get('cache-ttl')).toBe('sk-cache-0002');
    expect(reads.count).toBe(2);
    await os.remove('cache-ttl');
  });

  it('applies set and remove through it at once, and forgets a key on request', async () => {
    const os = createKeytarKeychain();
    const cached = createCachedKeychain(os, { ttlMs: 60_000 });
    await cached.set('cache-set', 'sk-cache-0003');
    expect(await cached.get('cache-set')).toBe('sk-cache-0003');
    await cached.set('cache-set', 'sk-cache-0004');
    expect(await cached.get('cache-set')).toBe('sk-cache-0004');
    await os.set('cache-set', 'sk-cache-0005');
    cached.forget('cache-set');
    expect(await cached.get('cache-set')).toBe('sk-cache-0005');
    expect(await cached.remove('cache-set')).toBe(true);
    expect(await cached.get('cache-set')).toBeUndefined();
  });

  it('does not keep a failed read', async () => {
    let isDown = true;
    const os = createKeytarKeychain();
    await os.set('cache-fail', 'sk-cache-0006');
    const flaky: Keychain = {
      ...os,
      get: (endpointId) => (isDown ? Promise.reject(new Error('keychain locked')) : os.get(endpointId)),
    };
    const cached = createCachedKeychain(flaky, { ttlMs: 60_000 });
    await expect(cached.get('cache-fail')).rejects.toThrow('keychain locked');
    isDown = false;
    expect(await cached.get('cache-fail')).toBe('sk-cache-0006');
    await os.remove('cache-fail');
  });
});
