import { SwitchboardError } from '../../shared/errors/codes';
import type { Keychain } from './types';

export const keychainService = 'Switchboard';

type Keytar = typeof import('keytar');

function remedy(): string {
  if (process.platform === 'linux') {
    return 'Switchboard keeps keys only in the OS keychain and found no Secret Service. Install and start one (e.g. `sudo apt install gnome-keyring libsecret-1-0`, in a desktop session with D-Bus), then try again.';
  }
  return 'Switchboard keeps keys only in the OS keychain and could not reach it; unlock your keychain and try again.';
}

/** Wraps a keychain failure without its key-bearing arguments. */
function unavailable(error: unknown): SwitchboardError {
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return new SwitchboardError('KEYCHAIN_UNAVAILABLE', `The OS keychain is unavailable (${reason}). ${remedy()}`, {
    cause: error,
  });
}

/** Keys in the OS keychain through keytar: service `Switchboard`, account = endpoint id. */
export function createKeytarKeychain(service = keychainService): Keychain {
  let keytar: Promise<Keytar> | undefined;
  // Loaded on first use: the native module is not needed by code that never touches keys.
  const load = () => (keytar ??= import('keytar').then((module) => (module.default ?? module) as Keytar));
  const call = async <T>(run: (api: Keytar) => Promise<T>): Promise<T> => {
    try {
      return await run(await load());
    } catch (error) {
      throw unavailable(error);
    }
  };
  return {
    get: (endpointId) => call(async (api) => (await api.getPassword(service, endpointId)) ?? undefined),
    set: (endpointId, key) => call((api) => api.setPassword(service, endpointId, key)),
    remove: (endpointId) => call((api) => api.deletePassword(service, endpointId)),
    list: () => call(async (api) => (await api.findCredentials(service)).map((entry) => entry.account)),
  };
}
