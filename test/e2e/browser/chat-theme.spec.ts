import { expect, test, type Page } from '@playwright/test';
import { startFakeProvider, type FakeProvider } from '../../fake-provider';
import { snapshot } from '../snapshot';
import { startApp } from './app-server';
import { addFakeEndpoint, sendInChat } from './chat-setup';
import { SwitchboardPage } from './pages';
import { accessibilityViolations } from './accessibility';

test.describe.configure({ mode: 'serial' });

let fake: FakeProvider;
let app: Awaited<ReturnType<typeof startApp>>;

test.beforeAll(async () => {
  fake = await startFakeProvider();
  app = await startApp();
});
test.afterAll(async () => {
  await app?.dispose();
  await fake?.close();
});

const answer = [
  'Here is **bold**, `inline code`, a [link](https://example.com) and $e^{i\\pi} + 1 = 0$.',
  '',
  '```ts',
  '// a comment, the lowest-contrast colour of a theme',
  'const greeting: string = `hi ${name}`;',
  '```',
  '',
  '| Model | Cost |',
  '|---|---|',
  '| fast | $0.10 |',
].join('\n');

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test('Chat in light and dark: the theme is chosen in Settings, kept, and every text meets WCAG AA and every control has a name', async ({
  page,
}, testInfo) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(app.url);
  await addFakeEndpoint(page, fake.url);
  fake.enqueue({ kind: 'text', text: answer, model: 'fast-model', usage: { inputTokens: 5, outputTokens: 9 } });
  await sendInChat(page, 'fake/fast-model', 'Show the colours');
  const reply = page.getByRole('article', { name: 'Answer from fake/fast-model' });
  await expect(reply.getByRole('status')).toHaveText('ok');
  await expect(reply.locator('code.shiki')).toHaveCount(1);

  // System (the default) follows the OS.
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'system');
  const light = await background(page);
  expect(await accessibilityViolations(page)).toEqual([]);
  await snapshot(page, testInfo, 'chat-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await background(page)).not.toBe(light);

  // Chosen in Settings: dark whatever the OS says, after a reload too.
  await page.emulateMedia({ colorScheme: 'light' });
  const ui = new SwitchboardPage(page);
  await ui.open('Settings');
  await page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: 'Dark' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await accessibilityViolations(page)).toEqual([]);
  await snapshot(page, testInfo, 'settings-dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('article', { name: 'Answer from fake/fast-model' })).toBeVisible();
  const dark = await background(page);
  expect(dark).not.toBe(light);
  expect(await accessibilityViolations(page)).toEqual([]);
  await snapshot(page, testInfo, 'chat-dark');

  // The model picker and the shortcuts sheet too.
  await page.keyboard.press('Control+K');
  await expect(page.getByRole('dialog', { name: 'Pick a model' })).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
  await snapshot(page, testInfo, 'model-picker-dark');
  await page.keyboard.press('Escape');
  await page.getByRole('heading', { level: 2, name: 'Chat' }).click();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  expect(await accessibilityViolations(page)).toEqual([]);
  await snapshot(page, testInfo, 'shortcuts-dark');
  await page.keyboard.press('Escape');

  await ui.open('Settings');
  await page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: 'Light' }).check();
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(await background(page)).toBe(light);
  expect(await accessibilityViolations(page)).toEqual([]);
});
