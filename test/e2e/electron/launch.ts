import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from '@playwright/test';
import { repoRoot } from '../../integration/cli-process';

/** The built shell and preload (`npm run build`). */
export const mainPath = resolve(repoRoot, 'out/main/index.js');
export const builtPreloadPath = resolve(repoRoot, 'out/preload/index.cjs');

/** Starts the desktop app on its own data folder and Electron profile, and waits for its window. */
export async function launchSwitchboard(options: {
  binary: string;
  home: string;
  env?: Record<string, string>;
}): Promise<{ app: ElectronApplication; page: Page }> {
  const app = await electron.launch({
    executablePath: options.binary,
    args: [mainPath, `--user-data-dir=${join(options.home, 'profile')}`],
    env: { ...process.env, SWITCHBOARD_HOME: options.home, ...options.env },
  });
  return { app, page: await app.firstWindow() };
}

/**
 * Runs the app to its end outside Playwright, with `dialog.showErrorBox` recording to a file instead of
 * waiting for a click: a failed start shows its dialog before Playwright could stub anything.
 */
export async function runUntilExit(options: { binary: string; home: string; dataDir: string }) {
  const recorder = join(options.home, 'record-dialogs.cjs');
  const dialogs = join(options.home, 'dialogs.jsonl');
  await writeFile(
    recorder,
    `const { dialog } = require('electron');
const { appendFileSync } = require('node:fs');
dialog.showErrorBox = (title, content) =>
  appendFileSync(${JSON.stringify(dialogs)}, JSON.stringify({ title, content }) + '\\n');
`,
  );
  const child = spawn(
    options.binary,
    ['--no-sandbox', '-r', recorder, mainPath, `--user-data-dir=${join(options.home, 'profile')}`],
    { env: { ...process.env, SWITCHBOARD_HOME: options.dataDir }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearTimeout(timer);
  const recorded = await readFile(dialogs, 'utf8').catch(() => '');
  return {
    code,
    stderr,
    dialogs: recorded
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { title: string; content: string }),
  };
}
