import { defineConfig } from '@playwright/test';

/** Browser mode in Debian's Chromium: the same renderer, served by `switchboard serve`. */
export default defineConfig({
  testDir: 'test/e2e/browser',
  outputDir: 'test-results/browser',
  timeout: 60_000,
  workers: 1,
  use: {
    screenshot: 'on',
    trace: 'retain-on-failure',
    launchOptions: {
      // Never a downloaded browser: Debian's chromium, quiet on a closed network.
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
