import { defineConfig } from 'vitest/config';

/** `npm run bench`: measurements only, printed and written to test-reports/bench.json; nothing here asserts a time. */
export default defineConfig({
  test: {
    include: ['test/bench/**/*.bench-run.ts'],
    environment: 'node',
    testTimeout: 900_000,
    pool: 'forks',
    // One file at a time: on a shared machine, two benches at once would measure each other.
    fileParallelism: false,
    // Lets the memory measurement collect garbage first, so growth means retained objects.
    execArgv: ['--expose-gc'],
  },
});
