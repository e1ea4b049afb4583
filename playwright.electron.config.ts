import { defineConfig } from '@playwright/test';

/** The desktop app through Playwright's Electron driver, where the Electron binary exists. */
export default defineConfig({
  testDir: 'test/e2e/electron',
  outputDir: 'test-results/electron',
  timeout: 60_000,
  workers: 1,
  // Screenshots are taken by the spec itself: the Electron window is not Playwright's `page` fixture.
  use: { trace: 'retain-on-failure' },
});
