import { SwitchboardError } from '../../shared/errors/codes';
import type { Keychain } from '../keychain/types';
import { newSecret, resolveKeptSecret } from './kept-secret';

const minimumLength = 16;

export interface ApiToken {
  token: string;
  /** Said once at start when the key will not last beyond this run. */
  note?: string;
}

export const newApiToken = () => newSecret('sb');

/**
 * The key other tools use for the local API. It stays the same across runs (kept in the OS
 * keychain, account `token`) so a tool configured once keeps working; `isNew` replaces it.
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
  const { secret, isKept } = await resolveKeptSecret({
    keychain: options.keychain,
    account: 'token',
    prefix: 'sb',
    isNew: options.isNew ?? false,
  });
  return isKept
    ? { token: secret }
    : {
        token: secret,
        note: 'the local API key changes every run because the OS keychain is unavailable; set SWITCHBOARD_API_TOKEN to fix one',
      };
}
