import { randomBytes } from 'node:crypto';
import { SwitchboardError } from '../../shared/errors/codes';
import type { Keychain } from '../keychain/types';

/** The keychain entry of the local API's key: apart from provider keys, so `keys list` never shows it. */
export const apiTokenService = 'Switchboard Local API';
const account = 'token';
const minimumLength = 16;

export interface ApiToken {
  token: string;
  /** Said once at start when the key will not last beyond this run. */
  note?: string;
}

export const newApiToken = () => `sb-${randomBytes(24).toString('base64url')}`;

/**
 * The key other tools use for the local API. It stays the same across runs (kept in the OS
 * keychain) so a tool configured once keeps working; `isNew` replaces it.
 */
export async function resolveApiToken(options: {
  keychain: Keychain;
  env?: NodeJS.ProcessEnv;
  isNew?: boolean;
}): Promise<ApiToken> {
  const fromEnv = (options.env ?? process.env).SWITCHBOARD_API_TOKEN;
  if (fromEnv !== undefined && fromEnv !== '') {
    if (fromEnv.length < minimumLength || /\s/.test(fromEnv)) {
      throw new SwitchboardError(
        'INVALID_INPUT',
        `SWITCHBOARD_API_TOKEN must be at least ${minimumLength} characters without spaces; unset it to use the key kept in the keychain`,
      );
    }
    return { token: fromEnv };
  }
  try {
    const kept = options.isNew ? undefined : await options.keychain.get(account);
    if (kept) return { token: kept };
    const token = newApiToken();
    await options.keychain.set(account, token);
    return { token };
  } catch (error) {
    if (!(error instanceof SwitchboardError) || error.code !== 'KEYCHAIN_UNAVAILABLE') throw error;
    return {
      token: newApiToken(),
      note: 'the local API key changes every run because the OS keychain is unavailable; set SWITCHBOARD_API_TOKEN to fix one',
    };
  }
}
