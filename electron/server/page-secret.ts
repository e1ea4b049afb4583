import type { Keychain } from '../keychain/types';
import { resolveKeptSecret } from './kept-secret';

export interface PageSecret {
  secret: string;
  /** Said once at start when the page's address will not last beyond this run. */
  note?: string;
}

/**
 * Browser mode's own secret, apart from the local API key: it opens the page's socket (which can
 * change settings and test keys), nothing else. Kept in the keychain (account `page`) so an open
 * page reconnects after `serve` restarts; `isNew` replaces it.
 */
export async function resolvePageSecret(options: { keychain: Keychain; isNew?: boolean }): Promise<PageSecret> {
  const { secret, isKept } = await resolveKeptSecret({
    keychain: options.keychain,
    account: 'page',
    prefix: 'page',
    isNew: options.isNew ?? false,
  });
  return isKept
    ? { secret }
    : {
        secret,
        note: "browser mode's address changes every run because the OS keychain is unavailable: open the new one after a restart",
      };
}
