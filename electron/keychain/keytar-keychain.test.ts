import { describe, expect, it } from 'vitest';
import { lookUpInOsKeychain } from '../../test/integration/os-keychain';
import { createKeytarKeychain } from './keytar-keychain';
import { maskKey } from './mask-key';

const hasKeyring = process.env.SWITCHBOARD_TEST_KEYRING === '1';

describe('maskKey', () => {
  it('shows only whether a key is set and its last four characters', () => {
    expect(maskKey('sk-abcdef123456')).toEqual({ isSet: true, last4: '3456' });
    expect(maskKey(undefined)).toEqual({ isSet: false, last4: null });
  });
});

describe.skipIf(!hasKeyring)('OS keychain through keytar (a real Secret Service: scripts/with-keyring.sh)', () => {
  const keychain = createKeytarKeychain();

  it('stores, lists, reads and removes a key under service Switchboard', async () => {
    await keychain.set('test-endpoint', 'sk-test-0001');
    expect(await keychain.get('test-endpoint')).toBe('sk-test-0001');
    expect(await keychain.list()).toContain('test-endpoint');
    expect(await lookUpInOsKeychain('test-endpoint')).toBe('sk-test-0001');
    expect(await keychain.remove('test-endpoint')).toBe(true);
    expect(await keychain.get('test-endpoint')).toBeUndefined();
    expect(await lookUpInOsKeychain('test-endpoint')).toBeNull();
    expect(await keychain.remove('test-endpoint')).toBe(false);
  });
});
