import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';

export const repoRoot = resolve(import.meta.dirname, '../..');
export const cliPath = resolve(repoRoot, 'bin/switchboard.mjs');

/**
 * Node flags that run one of this repo's TypeScript files as a child process with the project's Node:
 * types are stripped (and transformed where TypeScript emits code), extensionless imports resolve to `.ts`.
 */
export const typeScriptNodeArgs = [
  '--experimental-transform-types',
  '--no-warnings',
  '--import',
  pathToFileURL(resolve(import.meta.dirname, 'ts-resolve-hooks.mjs')).href,
];

/** Runs `switchboard ...` as a user would, to the end. */
export async function runCli(args: string[], options: { home: string; stdin?: string; env?: NodeJS.ProcessEnv }) {
  const child = spawn(process.execPath, [cliPath, ...args], {
    env: { ...process.env, SWITCHBOARD_HOME: options.home, ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(options.stdin ?? '');
  const [code] = (await once(child, 'close')) as [number];
  return { code, stdout, stderr };
}

export interface ServeProcess {
  url: string;
  apiBase: string;
  token: string;
  child: ChildProcess;
  /** What it said on stderr so far. */
  stderr(): string;
  stop(): Promise<void>;
}

/** Starts `switchboard serve --json` (on a free port unless `args` say otherwise) and reads its first line. */
export async function startServe(
  home: string,
  options: { args?: string[]; env?: NodeJS.ProcessEnv } = {},
): Promise<ServeProcess> {
  const child = spawn(process.execPath, [cliPath, 'serve', '--json', ...(options.args ?? ['--port', '0'])], {
    env: { ...process.env, SWITCHBOARD_HOME: home, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout! });
  const first = await Promise.race([
    once(lines, 'line').then(([line]) => line as string),
    once(child, 'exit').then(() => {
      throw new Error(`serve exited early: ${stderr}`);
    }),
  ]);
  const info = JSON.parse(first) as { url: string; apiBase: string; token: string };
  return {
    ...info,
    child,
    stderr: () => stderr,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
    },
  };
}
