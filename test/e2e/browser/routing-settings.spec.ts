// A route's target that keeps failing is benched, and Settings › Route health shows it with why and until when,
// beside each target's recent success rate, median first token and cost; a route's strategy and weights are
// edited in Settings and kept in config.json; a call's Routing log says why it went where it did.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startFakeProvider, type FakeProvider } from '../../fake-provider';
import { snapshot } from '../snapshot';
import { startApp } from './app-server';
import { SwitchboardPage } from './pages';
import { accessibilityViolations } from './accessibility';

test.describe.configure({ mode: 'serial' });
// Tall enough for Settings in one screenshot (the app scrolls inside its main area).
test.use({ viewport: { width: 1280, height: 2400 } });

let failing: FakeProvider;
let steady: FakeProvider;
let app: Awaited<ReturnType<typeof startApp>>;

test.beforeAll(async () => {
  failing = await startFakeProvider();
  steady = await startFakeProvider();
  failing.setDefault({ kind: 'http-error', status: 500, body: { error: { message: 'the upstream is down' } } });
  app = await startApp();
  const prices = { m: { input: 1, output: 2 } };
  await writeFile(
    join(app.home, 'config.json'),
    JSON.stringify({
      endpoints: [
        { id: 'flaky', kind: 'openai-compatible', baseURL: `${failing.url}/v1`, prices, models: ['m'] },
        { id: 'steady', kind: 'openai-compatible', baseURL: `${steady.url}/v1`, prices, models: ['m'] },
      ],
      routes: { duo: { targets: ['flaky/m', 'steady/m'] } },
    }),
  );
});
test.afterAll(async () => {
  await app?.dispose();
  await steady?.close();
  await failing?.close();
});

/** A call through the local API, as another tool makes it. */
async function apiCall(model: string) {
  const response = await fetch(`${app.apiBase}/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${app.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model, messages: [{ role: 'user', content: 'Hi' }] }),
  });
  expect(response.status).toBe(200);
  await response.text();
}

test('a failing target is benched and shown in Route health; a weighted strategy is saved; a call says why', async ({
  page,
}, testInfo) => {
  // Three calls fail over from flaky (500) to steady: three failures in a row bench flaky; the fourth skips it.
  for (let call = 0; call < 4; call++) await apiCall('duo');
  expect(failing.requests).toHaveLength(3);
  expect(steady.requests).toHaveLength(4);
  await apiCall('steady/m');

  const ui = new SwitchboardPage(page);
  await page.goto(app.url);
  await ui.open('Settings');
  const health = page.getByRole('table', { name: 'Targets of duo' });
  const flakyRow = health.getByRole('row', { name: /^flaky\/m/ });
  const steadyRow = health.getByRole('row', { name: /^steady\/m/ });
  await expect(flakyRow.getByRole('cell').nth(0)).toHaveText(
    /^Benched until \d{1,2}:\d{2}:\d{2}.* \(another \d+ s\): .*the upstream is down/,
  );
  await expect(flakyRow.getByRole('cell').nth(1)).toHaveText('0% of 3 calls');
  await expect(flakyRow.getByRole('cell').nth(3)).toHaveText('—');
  // steady served every call of the route: 10 tokens in and 5 out at $1 and $2 per million.
  await expect(steadyRow.getByRole('cell')).toHaveText(['OK', '100% of 4 calls', /^\d+ ms$/, '$0.000020']);

  // Weights are checked beside their field before anything is saved.
  const card = page.getByRole('article', { name: 'Route duo' });
  await card.getByRole('button', { name: 'Edit strategy' }).click();
  const editor = card.getByRole('form', { name: 'Strategy of duo' });
  await expect(editor.getByRole('radio', { name: 'Ordered' })).toBeChecked();
  await expect(editor.getByRole('radio', { name: 'Cheapest' })).toHaveAccessibleDescription(/cost least/);
  // Keyboard: from Ordered the arrow keys move through the strategies.
  await editor.getByRole('radio', { name: 'Ordered' }).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(editor.getByRole('radio', { name: 'Weighted' })).toBeChecked();
  const flakyWeight = editor.getByRole('spinbutton', { name: 'Weight of flaky/m' });
  const steadyWeight = editor.getByRole('spinbutton', { name: 'Weight of steady/m' });
  await flakyWeight.fill('-1');
  await editor.getByRole('button', { name: 'Save strategy' }).click();
  await expect(flakyWeight).toHaveAttribute('aria-invalid', 'true');
  await expect(flakyWeight).toHaveAccessibleDescription('A weight must be 0 or more.');
  await expect(editor.getByRole('alert')).toHaveText('Not saved: fix the marked field.');
  await flakyWeight.fill('0');
  await steadyWeight.fill('0');
  await editor.getByRole('button', { name: 'Save strategy' }).click();
  await expect(editor.getByRole('group', { name: 'Weights' })).toHaveAccessibleDescription(
    /^At least one weight must be above 0/,
  );
  await flakyWeight.fill('1');
  await steadyWeight.fill('3');
  await editor.getByRole('button', { name: 'Save strategy' }).click();
  await expect(editor).toBeHidden();
  await expect(card).toContainText('Weighted (flaky/m 1, steady/m 3)');
  await expect(health.getByText('(weighted)')).toBeVisible();
  const saved = JSON.parse(await readFile(join(app.home, 'config.json'), 'utf8'));
  expect(saved.routes.duo).toEqual({
    targets: ['flaky/m', 'steady/m'],
    strategy: 'weighted',
    weights: { 'flaky/m': 1, 'steady/m': 3 },
  });

  // It survives a reload.
  await page.reload();
  await ui.open('Settings');
  await expect(page.getByRole('article', { name: 'Route duo' })).toContainText('Weighted (flaky/m 1, steady/m 3)');
  const reloaded = page.getByRole('article', { name: 'Route duo' });
  await reloaded.getByRole('button', { name: 'Edit strategy' }).click();
  await expect(reloaded.getByRole('radio', { name: 'Weighted' })).toBeChecked();
  await expect(reloaded.getByRole('spinbutton', { name: 'Weight of steady/m' })).toHaveValue('3');

  // The routes view in light and dark: every text meets WCAG AA and every control has a name.
  await page.getByRole('heading', { name: 'Routes' }).scrollIntoViewIfNeeded();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await accessibilityViolations(page), `Settings in ${scheme}`).toEqual([]);
    await snapshot(page, testInfo, `routes-${scheme}`);
  }
  await reloaded.getByRole('button', { name: 'Cancel' }).click();

  // Usage: the newest call of the route skipped the benched target, and says so.
  await ui.open('Usage');
  const calls = page.getByRole('table', { name: 'Recent calls' });
  const routeCalls = calls.getByRole('row').filter({ has: page.getByRole('cell', { name: 'duo', exact: true }) });
  await expect(routeCalls).toHaveCount(4);
  await routeCalls
    .first()
    .getByRole('button', { name: /^Routing log: duo at/ })
    .click();
  const log = page.getByRole('dialog', { name: 'Routing log' });
  await expect(log.getByText(/^Ordered: the targets were tried as written\./)).toBeVisible();
  const considered = log.getByRole('list', { name: 'Targets considered' }).getByRole('listitem');
  await expect(considered).toHaveCount(2);
  await expect(considered.nth(0)).toContainText('steady/m: In written order');
  await expect(considered.nth(0)).toContainText('Served the answer');
  await expect(considered.nth(1)).toContainText('flaky/m: Benched (skipped)');
  await expect(considered.nth(1)).toContainText(/benched until .*the upstream is down/);
  await expect(considered.nth(1)).toContainText('Not called');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await accessibilityViolations(page), `Routing log in ${scheme}`).toEqual([]);
    await snapshot(page, testInfo, `route-decision-${scheme}`);
  }
  await log.getByRole('button', { name: 'Close' }).click();

  // An earlier call tried flaky first and failed over.
  await routeCalls
    .last()
    .getByRole('button', { name: /^Routing log: duo at/ })
    .click();
  await expect(considered.nth(0)).toContainText('flaky/m: In written order');
  await expect(considered.nth(0)).toContainText(/Failed: /);
  await expect(considered.nth(1)).toContainText('steady/m: In written order');
  await expect(considered.nth(1)).toContainText('Served the answer');
  await expect(log.getByRole('list', { name: 'Attempts' }).getByRole('listitem')).toHaveCount(2);
  await log.getByRole('button', { name: 'Close' }).click();

  // A call to one model names no route.
  await calls
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: 'steady/m', exact: true }) })
    .filter({ hasNot: page.getByRole('cell', { name: 'duo', exact: true }) })
    .getByRole('button', { name: /^Routing log: steady\/m at/ })
    .click();
  await expect(log.getByText('This call asked for one model directly: no route chose.')).toBeVisible();
});
