// Adds up the JSON reports of vitest and Playwright into one closing line.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'test-reports';
const read = (name) => (existsSync(join(dir, name)) ? JSON.parse(readFileSync(join(dir, name), 'utf8')) : null);
let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];

/** Why Playwright skipped tests, once per reason. */
function skipReasons(report) {
  const reasons = new Set();
  const visit = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== 'skipped') continue;
        for (const annotation of test.annotations ?? [])
          if (annotation.type === 'skip' && annotation.description) reasons.add(annotation.description);
      }
    }
    (suite.suites ?? []).forEach(visit);
  };
  (report.suites ?? []).forEach(visit);
  return reasons;
}

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
  for (const reason of skipReasons(report)) console.log(`Skipped in ${name.replace('.json', '')}: ${reason}`);
  failed += report.stats.unexpected ?? 0;
  skipped += report.stats.skipped ?? 0;
}
if (missing.length > 0) console.log(`No report from: ${missing.join(', ')} (that suite did not run to the end).`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || missing.length > 0 ? 1 : 0);
