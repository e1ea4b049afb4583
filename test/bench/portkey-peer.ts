// Portkey's open-source gateway as a peer of the hot-path bench: installed from the npm registry at bench time
// into a cache folder outside the repository (none of its code is committed), then run on 127.0.0.1 only.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

export const portkeyVersion = '1.15.2';
/** What the gateway needs beside it, pinned: newer versions of either break it. */
const pinned = [`@portkey-ai/gateway@${portkeyVersion}`, 'hono@4.9.7', '@hono/node-server@1.13.5'];

/** `SWITCHBOARD_BENCH_CACHE`, else `~/.cache/switchboard-bench`. */
export const benchCache = process.env.SWITCHBOARD_BENCH_CACHE ?? join(homedir(), '.cache', 'switchboard-bench');

export type PortkeyInstall = { ok: true; script: string } | { ok: false; why: string };

function installedVersion(folder: string, name: string): string | undefined {
  const file = join(folder, 'node_modules', name, 'package.json');
  if (!existsSync(file)) return undefined;
  return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version;
}

/** Installs the gateway once (later runs reuse it); says why when it cannot (no network, a registry refusing). */
export async function installPortkey(timeoutMs = 180_000): Promise<PortkeyInstall> {
  const folder = join(benchCache, `portkey-${portkeyVersion}`);
  const script = join(folder, 'node_modules/@portkey-ai/gateway/build/start-server.js');
  const isInstalled = () =>
    existsSync(script) &&
    installedVersion(folder, 'hono') === '4.9.7' &&
    installedVersion(folder, '@hono/node-server') === '1.13.5';
  if (isInstalled()) return { ok: true, script };
  try {
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'package.json'), JSON.stringify({ name: 'switchboard-bench-peers', private: true }));
    // The npm that came with this Node, as the project's scripts put it first on PATH.
    const npm = spawn(
      'npm',
      ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock', ...pinned],
      { cwd: folder, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let errors = '';
    npm.stderr.on('data', (text: Buffer) => (errors = (errors + text.toString()).slice(-2000)));
    const timer = setTimeout(() => npm.kill('SIGTERM'), timeoutMs);
    const [code] = (await once(npm, 'exit')) as [number | null];
    clearTimeout(timer);
    if (code !== 0 || !isInstalled()) {
      const last = errors.trim().split('\n').slice(-3).join(' ').slice(0, 300);
      return { ok: false, why: `npm install ${pinned.join(' ')} failed (exit ${code}): ${last || 'no message'}` };
    }
    return { ok: true, script };
  } catch (error) {
    return { ok: false, why: `npm install ${pinned.join(' ')} could not run: ${(error as Error).message}` };
  }
}

const preload = resolve(import.meta.dirname, 'loopback-only.mjs');

/** Starts the gateway on 127.0.0.1 and a free port; resolves with its address once it listens. */
export async function startPortkey(script: string) {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', preload, script, '--headless'], {
    cwd: resolve(script, '../../../../..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr.resume();
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error('Portkey did not start within 60 s')), 60_000);
    lines.on('line', (line) => {
      const match = /bench-peer-url (\S+)/.exec(line);
      if (!match) return;
      clearTimeout(timer);
      resolveUrl(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`Portkey exited (${code}) before it listened`)));
  });
  child.stdout.resume();
  return {
    url,
    pid: child.pid!,
    readyMs: performance.now() - started,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

/** The headers that send a Chat Completions call through Portkey to an OpenAI-compatible server at `base`. */
export const portkeyHeaders = (base: string) => ({ 'x-portkey-provider': 'openai', 'x-portkey-custom-host': base });
