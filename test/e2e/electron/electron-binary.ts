import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { repoRoot } from '../../integration/cli-process';

/**
 * The installed Electron binary, or why there is none. Read from the package's path file:
 * `require('electron')` would try to download it.
 */
export function findElectronBinary(): { path: string } | { reason: string } {
  const packageDir = resolve(repoRoot, 'node_modules/electron');
  const pathFile = resolve(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      reason: 'Electron binary not installed: it cannot be downloaded on this machine; this spec runs where it exists',
    };
  }
  const path = resolve(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(path) ? { path } : { reason: `Electron binary missing at ${path}` };
}
