import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServe, type ServeProcess } from '../../integration/cli-process';

/** A fresh data directory and `switchboard serve` on it, as a user starts browser mode. */
export async function startApp(): Promise<ServeProcess & { home: string; dispose(): Promise<void> }> {
  const home = await mkdtemp(join(tmpdir(), 'switchboard-browser-'));
  const serve = await startServe(home);
  return {
    ...serve,
    home,
    dispose: async () => {
      await serve.stop();
      await rm(home, { recursive: true, force: true });
    },
  };
}
