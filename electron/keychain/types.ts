/**
 * API keys in the OS keychain: service `Switchboard`, account = endpoint id.
 * No plaintext fallback: an unreachable keychain is an error with its remedy.
 */
export interface Keychain {
  get(endpointId: string): Promise<string | undefined>;
  set(endpointId: string, key: string): Promise<void>;
  /** True when a key was there. */
  remove(endpointId: string): Promise<boolean>;
  /** Endpoint ids that have a key. */
  list(): Promise<string[]>;
}
