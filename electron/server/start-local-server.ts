import { createKeytarKeychain } from '../keychain/keytar-keychain';
import type { Keychain } from '../keychain/types';
import { apiTokenService, resolveApiToken } from './api-token';
import { startServer, type RunningServer, type ServerOptions } from './start-server';

/** Where browser mode and the local API listen unless told otherwise. */
const defaultPort = 4141;

export interface LocalServerOptions extends Omit<ServerOptions, 'port' | 'token'> {
  /** A port the user asked for (0: any free one); without it, the default port, or a free one when taken. */
  port?: number;
  isNewToken?: boolean;
  /** The keychain that keeps the API key; the OS keychain unless a test says otherwise. */
  tokenKeychain?: Keychain;
  /** Where to say what the user should know (a port that gave way, a key that will not last). */
  say(line: string): void;
}

/** The local server as the CLI and the desktop app start it: a kept key, and a port that stays put. */
export async function startLocalServer(options: LocalServerOptions): Promise<RunningServer> {
  const { token, note } = await resolveApiToken({
    keychain: options.tokenKeychain ?? createKeytarKeychain(apiTokenService),
    isNew: options.isNewToken ?? false,
  });
  if (note) options.say(note);
  const start = (port: number) => startServer({ ...options, port, token });
  if (options.port !== undefined) return start(options.port);
  return start(defaultPort).catch((error: NodeJS.ErrnoException) => {
    // Only the default port gives way: a port the user asked for is theirs to change.
    if (error.code !== 'EADDRINUSE') throw error;
    options.say(`port ${defaultPort} is in use (another Switchboard?), so a free port is used instead`);
    return start(0);
  });
}
