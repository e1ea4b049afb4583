#!/usr/bin/env node
// Entry of `npx switchboard`: makes sure a Node >= 22 runs the CLI and that it is built.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const major = Number(process.versions.node.split('.')[0]);

function runWithProjectNode(args) {
  // scripts/run.sh puts the project's pinned Node first on PATH (fetched from the npm registry once).
  const result = spawnSync('bash', [resolve(root, 'scripts/run.sh'), ...args], {
    stdio: ['inherit', 'inherit', 'inherit'],
  });
  if (result.error) {
    console.error(`switchboard: Node 22 or newer is required (this is ${process.version}); install it and retry.`);
    process.exit(1);
  }
  return result.status ?? 1;
}

if (major < 22) {
  process.exit(runWithProjectNode(['node', fileURLToPath(import.meta.url), ...process.argv.slice(2)]));
}

const cli = resolve(root, 'out/main/cli.js');
if (!existsSync(cli)) {
  console.error('switchboard: building the app once (npm run build)...');
  const result = spawnSync('bash', [resolve(root, 'scripts/run.sh'), 'electron-vite', 'build'], {
    cwd: root,
    // Build output goes to stderr so `serve --json` keeps its first stdout line.
    stdio: ['ignore', process.stderr, 'inherit'],
  });
  if (result.status !== 0) {
    console.error('switchboard: the build failed; run `npm run build` to see why.');
    process.exit(1);
  }
}
await import(pathToFileURL(cli).href);
