import { randomBytes } from 'node:crypto';
import { SwitchboardError } from '../../shared/errors/codes';
import type { Keychain } from '../keychain/types';

/** The keychain service of Switchboard's own secrets: apart from provider keys, so `keys list` never shows them. */
export const localSecretsService = 'Switchboard Local API';

/** A fresh secret: 24 random bytes, base64url (valid in a header, a subprotocol and a URL fragment). */
export const newSecret = (prefix: string) => `${prefix}-${randomBytes(24).toString('base64url')}`;

/**
 * A secret that stays the same across runs, kept in the keychain under `account`; `isNew` replaces it.
 * `isKept` is false when the keychain is unavailable and the secret lasts this run only.
 */
export async function resolveKeptSecret(options: {
  keychain: Keychain;
  account: string;
  prefix: string;
  isNew: boolean;
}): Promise<{ secret: string; isKept: boolean }> {
  try {
    const kept = options.isNew ? undefined : await options.keychain.get(options.account);
    if (kept) return { secret: kept, isKept: true };
    const secret = newSecret(options.prefix);
    await options.keychain.set(options.account, secret);
    return { secret, isKept: true };
  } catch (error) {
    if (!(error instanceof SwitchboardError) || error.code !== 'KEYCHAIN_UNAVAILABLE') throw error;
    return { secret: newSecret(options.prefix), isKept: false };
  }
}
