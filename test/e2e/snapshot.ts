import type { Page, TestInfo } from '@playwright/test';

/** A full-page screenshot kept as a test artifact under test-results/. */
export async function snapshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}
