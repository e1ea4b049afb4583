import { createKeytarKeychain } from '../keychain/keytar-keychain';
import type { Keychain } from '../keychain/types';
import { resolveApiToken } from './api-token';
import { localSecretsService } from './kept-secret';
import { resolvePageSecret } from './page-secret';
import { startServer, type RunningServer, type ServerOptions } from './start-server';

/** Where browser mode and the local API listen unless told otherwise. */
export const defaultPort = 4141;

export interface LocalServerOptions extends Omit<ServerOptions, 'port' | 'token' | 'pageSecret'> {
  /** A port the user asked for (0: any free one); without it, the default port, or a free one when taken. */
  port?: number;
  /** The port tried first when none was asked for: 4141, or one a test owns. */
  defaultPort?: number;
  /** Replaces the local API key and the page secret: the old ones stop working. */
  isNewToken?: boolean;
  /** The keychain that keeps the API key and the page secret; the OS keychain unless a test says otherwise. */
  tokenKeychain?: Keychain;
  /** Where to say what the user should know (a port that gave way, a key that will not last). */
  say(line: string): void;
}

/** The local server as the CLI and the desktop app start it: kept secrets, and a port that stays put. */
export async function startLocalServer(options: LocalServerOptions): Promise<RunningServer> {
  const keychain = options.tokenKeychain ?? createKeytarKeychain(localSecretsService);
  const isNew = options.isNewToken ?? false;
  const api = await resolveApiToken({ keychain, isNew });
  const page = await resolvePageSecret({ keychain, isNew });
  const start = (port: number) => startServer({ ...options, port, token: api.token, pageSecret: page.secret });
  const preferred = options.defaultPort ?? defaultPort;
  const server = await (options.port !== undefined
    ? start(options.port)
    : start(preferred).catch((error: NodeJS.ErrnoException) => {
        // Only the default port gives way: a port the user asked for is theirs to change.
        if (error.code !== 'EADDRINUSE') throw error;
        options.say(`port ${preferred} is in use (another Switchboard?), so a free port is used instead`);
        return start(0);
      }));
  // Said once it runs: a server that did not start has only its own error to say.
  for (const note of [api.note, page.note]) if (note) options.say(note);
  return server;
}
