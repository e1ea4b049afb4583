import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServe, type ServeProcess } from '../../integration/cli-process';

/**
 * `switchboard serve` on a fresh data directory, as a user starts browser mode; or on `home` again, as after a
 * restart (stop the running one first).
 */
export async function startApp(home?: string): Promise<ServeProcess & { home: string; dispose(): Promise<void> }> {
  const dataDir = home ?? (await mkdtemp(join(tmpdir(), 'switchboard-browser-')));
  const serve = await startServe(dataDir);
  return {
    ...serve,
    home: dataDir,
    dispose: async () => {
      await serve.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
