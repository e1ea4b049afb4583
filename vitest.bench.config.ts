import { defineConfig } from 'vitest/config';

/** `npm run bench`: measurements only, printed and written to test-reports/bench.json; nothing here asserts a time. */
export default defineConfig({
  test: {
    include: ['test/bench/**/*.bench-run.ts'],
    environment: 'node',
    testTimeout: 300_000,
    pool: 'forks',
    // Lets the memory measurement collect garbage first, so growth means retained objects.
    execArgv: ['--expose-gc'],
  },
});
