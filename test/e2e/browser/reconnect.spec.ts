import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startServe } from '../../integration/cli-process';
import { SwitchboardPage } from './pages';

test('an open page reconnects by itself when Switchboard restarts on its port, with the same secrets', async ({
  page,
}) => {
  const home = await mkdtemp(join(tmpdir(), 'switchboard-reconnect-'));
  const first = await startServe(home);
  let second: Awaited<ReturnType<typeof startServe>> | undefined;
  try {
    await page.goto(first.url);
    // An empty data folder opens on the welcome.
    await expect(page.getByRole('heading', { level: 2, name: 'Welcome to Switchboard' })).toBeVisible();
    await first.stop();
    const lost = page.getByRole('alert').filter({ hasText: 'Lost connection to Switchboard' });
    await expect(lost).toBeVisible();

    second = await startServe(home, { args: ['--port', new URL(first.apiBase).port] });
    expect(second.token).toBe(first.token);
    // The page secret is kept in the keychain too, so the page's copy still opens the socket.
    expect(second.url).toBe(first.url);
    await expect(lost).toBeHidden({ timeout: 10_000 });
    await new SwitchboardPage(page).addEndpoint('after-restart', 'openai-compatible', 'http://127.0.0.1:9/v1', 'm');
  } finally {
    await second?.stop();
    await first.stop();
    await rm(home, { recursive: true, force: true });
  }
});
