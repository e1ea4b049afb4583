import { expect, type Page, type TestInfo } from '@playwright/test';
import type { FakeProvider } from '../../fake-provider';
import { snapshot } from '../snapshot';
import { accessibilityViolations } from './accessibility';

/** Checks the page with axe and keeps a screenshot, in the light theme and in the dark one (the OS's, as set). */
export async function checkBothThemes(page: Page, testInfo: TestInfo, name: string) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await accessibilityViolations(page)).toEqual([]);
    await snapshot(page, testInfo, `${name}-${scheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** What the provider was sent last, as `role: text` lines. */
export const lastSent = (fake: FakeProvider) =>
  (fake.requests.at(-1)!.body.messages as { role: string; content: unknown }[]).map(
    (message) =>
      `${message.role}: ${typeof message.content === 'string' ? message.content : JSON.stringify(message.content)}`,
  );

/** Writes a message in the composer and sends it with Enter. */
export async function send(page: Page, text: string) {
  const box = page.getByRole('textbox', { name: 'Message' });
  await box.fill(text);
  await box.press('Enter');
  await expect(box).toHaveValue('');
}
