// Every screen in light and dark, with something on it: each is checked by axe (contrast, names of controls)
// and kept as a screenshot.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { startFakeProvider, type FakeProvider } from '../../fake-provider';
import { snapshot } from '../snapshot';
import { startApp } from './app-server';
import { addFakeEndpoint, sendInChat } from './chat-setup';

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

async function accessibilityViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'best-practice']).analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id} ${node.target.join(' ')}: ${node.failureSummary ?? ''}`),
  );
}

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
