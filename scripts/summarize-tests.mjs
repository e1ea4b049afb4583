// Adds up the JSON reports of vitest and Playwright into one closing line.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'test-reports';
const read = (name) => (existsSync(join(dir, name)) ? JSON.parse(readFileSync(join(dir, name), 'utf8')) : null);
let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];

const vitest = read('vitest.json');
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  skipped += vitest.numPendingTests + (vitest.numTodoTests ?? 0);
} else missing.push('vitest');

for (const name of ['playwright-browser.json', 'playwright-electron.json']) {
  const report = read(name);
  if (!report) {
    missing.push(name);
    continue;
  }
  passed += (report.stats.expected ?? 0) + (report.stats.flaky ?? 0);
  failed += report.stats.unexpected ?? 0;
  skipped += report.stats.skipped ?? 0;
}
if (missing.length > 0) console.log(`No report from: ${missing.join(', ')} (that suite did not run to the end).`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || missing.length > 0 ? 1 : 0);
