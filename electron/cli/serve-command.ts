import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SwitchboardError } from '../../shared/errors/codes';
import { createCoreFromServices } from '../core/create-core';
import { createServices } from '../core/services';
import { createKeytarKeychain } from '../keychain/keytar-keychain';
import { apiTokenService, resolveApiToken } from '../server/api-token';
import { startServer } from '../server/start-server';

/** Where the built renderer sits next to this bundle (`out/main/cli.js` → `out/renderer`). */
function defaultRendererDir(): string {
  return process.env.SWITCHBOARD_RENDERER_DIR ?? resolve(dirname(fileURLToPath(import.meta.url)), '../renderer');
}

/** Where browser mode and the local API listen unless told otherwise. */
export const defaultPort = 4141;

/** `switchboard serve [--port N] [--json] [--new-token]`: runs until interrupted. */
export async function runServe(dataDir: string, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      json: { type: 'boolean', default: false },
      'new-token': { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port ?? defaultPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new SwitchboardError('INVALID_INPUT', `--port "${values.port}" is not a port; use 0 to pick a free one`);
  }
  const services = createServices({ dataDir });
  const core = createCoreFromServices(services);
  let server;
  try {
    const { token, note } = await resolveApiToken({
      keychain: createKeytarKeychain(apiTokenService),
      isNew: values['new-token'],
    });
    if (note) process.stderr.write(`switchboard: ${note}\n`);
    const start = (onPort: number) =>
      startServer({ services, core, rendererDir: defaultRendererDir(), port: onPort, token });
    server = await start(port).catch((error: NodeJS.ErrnoException) => {
      // Only the default port gives way: a port the user asked for is theirs to change.
      if (error.code !== 'EADDRINUSE' || values.port !== undefined) throw error;
      process.stderr.write(
        `switchboard: port ${port} is in use (another Switchboard?), so a free port is used instead\n`,
      );
      return start(0);
    });
  } catch (error) {
    await core.dispose();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new SwitchboardError('INVALID_INPUT', `port ${port} is in use; pick another with --port, or --port 0`);
    }
    throw error;
  }
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ url: server.url, apiBase: server.apiBase, token: server.token })}\n`);
  } else {
    process.stdout.write(
      `Switchboard is running: open ${server.url} (local API ${server.apiBase}, key ${server.token}). Ctrl-C stops it.\n`,
    );
  }
  const stop = () => {
    void server
      .close()
      .then(() => core.dispose())
      .then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return 0;
}
