import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { deadPort } from '../../fake-provider';
import { startServe } from '../../integration/cli-process';
import { snapshot } from '../snapshot';
import { accessibilityViolations } from './accessibility';

/**
 * `switchboard serve` on a fresh, empty data folder, looking for Ollama and LM Studio on the ports given
 * (by default ports nobody listens on, so what runs on this machine does not matter).
 */
export async function startEmptyApp(ports: { ollama?: number; lmstudio?: number } = {}) {
  const home = await mkdtemp(join(tmpdir(), 'switchboard-firstrun-'));
  const serve = await startServe(home, {
    env: {
      SWITCHBOARD_OLLAMA_PORT: String(ports.ollama ?? (await deadPort())),
      SWITCHBOARD_LMSTUDIO_PORT: String(ports.lmstudio ?? (await deadPort())),
    },
  });
  return {
    ...serve,
    home,
    dispose: async () => {
      await serve.stop();
      await rm(home, { recursive: true, force: true });
    },
  };
}

/** The screen in light and in dark, each checked by axe and kept as a screenshot; the OS scheme is restored to light. */
export async function checkBothThemes(page: Page, testInfo: TestInfo, name: string) {
  const found: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    found.push(...(await accessibilityViolations(page)).map((violation) => `${scheme}: ${violation}`));
    await snapshot(page, testInfo, `${name}-${scheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return found;
}

/** Counts what the user does: each step is one action (a click, a choice, a paste, typing and sending). */
export function actionCounter() {
  const actions: string[] = [];
  return {
    actions,
    async act(name: string, step: () => Promise<unknown>) {
      actions.push(name);
      await step();
    },
  };
}
