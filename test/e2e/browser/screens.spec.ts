// Every screen in light and dark, with something on it: each is checked by axe (contrast, names of controls)
// and kept as a screenshot.
import { expect, test } from '@playwright/test';
import { startFakeProvider, type FakeProvider } from '../../fake-provider';
import { snapshot } from '../snapshot';
import { startApp } from './app-server';
import { addFakeEndpoint, sendInChat } from './chat-setup';
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

test('Chat, Compare, Playground, Usage and Settings in light and dark', async ({ page }, testInfo) => {
  await page.goto(app.url);
  const ui = await addFakeEndpoint(page, fake.url);
  fake.enqueue({
    kind: 'text',
    text: 'A short **answer**.',
    model: 'fast-model',
    usage: { inputTokens: 5, outputTokens: 4 },
  });
  await sendInChat(page, 'fake/fast-model', 'Hello');
  await expect(page.getByRole('article', { name: 'Answer from fake/fast-model' }).getByRole('status')).toHaveText('ok');
  await ui.compare('Say hi', ['fake/fast-model', 'fake/slow-model']);
  await expect(page.getByText('Hello from the fake provider.').first()).toBeVisible();

  const screens = ['Chat', 'Compare', 'Playground', 'Usage', 'Settings'] as const;
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const screen of screens) {
      await page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name: screen }).click();
      await expect(page.getByRole('heading', { level: 2, name: screen })).toBeVisible();
      expect(await accessibilityViolations(page), `${screen} in ${scheme}`).toEqual([]);
      await snapshot(page, testInfo, `${screen.toLowerCase()}-${scheme}`);
    }
  }
});
