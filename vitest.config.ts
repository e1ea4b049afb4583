import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Renderer tests here are pure functions; the screens are tested in Chromium by Playwright.
    include: ['electron/**/*.test.ts', 'shared/**/*.test.ts', 'renderer/**/*.test.ts', 'test/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Native modules (better-sqlite3, keytar) load once per worker process.
    pool: 'forks',
  },
});
