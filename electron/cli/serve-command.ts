import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SwitchboardError } from '../../shared/errors/codes';
import { createCoreFromServices } from '../core/create-core';
import { createServices } from '../core/services';
import type { LocalApiInfo } from '../../shared/contract';
import { startLocalServer } from '../server/start-local-server';
import { capYoungGeneration } from '../server/young-generation-cap';

/** Where the built renderer sits next to this bundle (`out/main/cli.js` → `out/renderer`). */
function defaultRendererDir(): string {
  return process.env.SWITCHBOARD_RENDERER_DIR ?? resolve(dirname(fileURLToPath(import.meta.url)), '../renderer');
}

/** The port tried first: `SWITCHBOARD_DEFAULT_PORT` exists so tests use a port they own, never 4141. */
function defaultPortFromEnv(env: NodeJS.ProcessEnv): number | undefined {
  const value = env.SWITCHBOARD_DEFAULT_PORT;
  if (value === undefined || value === '') return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new SwitchboardError('INVALID_INPUT', `SWITCHBOARD_DEFAULT_PORT "${value}" is not a port; unset it`);
  }
  return port;
}

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
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    throw new SwitchboardError('INVALID_INPUT', `--port "${values.port}" is not a port; use 0 to pick a free one`);
  }
  const defaultPort = defaultPortFromEnv(process.env);
  // A long-running server: V8's young generation would otherwise grow to 128 MiB resident under steady calls.
  capYoungGeneration();
  const services = createServices({ dataDir });
  let localApi: LocalApiInfo | null = null;
  const core = createCoreFromServices(services, { localApi: () => localApi });
  let server;
  try {
    server = await startLocalServer({
      services,
      core,
      rendererDir: defaultRendererDir(),
      port,
      defaultPort,
      isNewToken: values['new-token'],
      say: (line) => process.stderr.write(`switchboard: ${line}\n`),
    });
  } catch (error) {
    await core.dispose();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new SwitchboardError('INVALID_INPUT', `port ${port} is in use; pick another with --port, or --port 0`);
    }
    throw error;
  }
  localApi = { apiBase: server.apiBase, token: server.token };
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
