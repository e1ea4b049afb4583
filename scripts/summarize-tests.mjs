// Adds up the JSON reports of vitest and Playwright, and how each step of `npm test` ended, into one verdict.
// A file that failed to load, an error outside any test and a step that failed without a failing test all count:
// the closing line never says "0 failed" for a run that failed.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const dir = process.argv[2] ?? 'test-reports';
const reportNames = ['vitest.json', 'playwright-browser.json', 'playwright-electron.json'];

const read = (name) => (existsSync(join(dir, name)) ? JSON.parse(readFileSync(join(dir, name), 'utf8')) : null);
// Messages carry the reporters' colours and whole stacks: one plain line is enough to say which.
const firstLine = (text) =>
  String(text ?? '')
    .replace(/\u001b\[[0-9;]*m/g, '') // eslint-disable-line no-control-regex
    .split('\n')
    .find((line) => line.trim().length > 0)
    ?.trim() ?? '(no message)';
const shortPath = (file) => (file ? relative(process.cwd(), file) || file : 'a test file');

/** One suite's counts and the failures it names, each as a line a person can act on. */
function vitestCounts(report) {
  const failures = [];
  for (const file of report.testResults ?? []) {
    const failedTests = (file.assertionResults ?? []).filter((test) => test.status === 'failed');
    for (const test of failedTests) failures.push(`${shortPath(file.name)} › ${test.fullName ?? test.title}`);
    // A file that failed with no failing test did not load, or a hook outside any test broke it.
    if (file.status === 'failed' && failedTests.length === 0)
      failures.push(`${shortPath(file.name)} failed outside any test: ${firstLine(file.message)}`);
  }
  return {
    passed: report.numPassedTests ?? 0,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    failures,
    skipReasons: [],
  };
}

function playwrightCounts(report) {
  const failures = [];
  const skipReasons = new Set();
  const visit = (suite) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status === 'unexpected') failures.push(`${shortPath(spec.file ?? suite.file)} › ${spec.title}`);
        if (test.status !== 'skipped') continue;
        for (const annotation of test.annotations ?? [])
          if (annotation.type === 'skip' && annotation.description) skipReasons.add(annotation.description);
      }
    }
    (suite.suites ?? []).forEach(visit);
  };
  (report.suites ?? []).forEach(visit);
  // Errors outside tests: a spec file that did not load (then no test runs at all), a broken global setup.
  for (const error of report.errors ?? []) {
    // A module that is not found has no location of its own; its message names the file that imports it.
    const file = error.location?.file;
    const where = file && !file.startsWith('<') ? shortPath(file) : 'a spec file';
    failures.push(`${where} failed outside any test: ${firstLine(error.message)}`);
  }
  return {
    passed: (report.stats?.expected ?? 0) + (report.stats?.flaky ?? 0),
    skipped: report.stats?.skipped ?? 0,
    failures,
    skipReasons: [...skipReasons],
  };
}

/** `npm test` writes one `exit-code<TAB>report<TAB>step name` line per step; `-` when the step has no report. */
function readSteps() {
  const file = join(dir, 'steps.tsv');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => {
      const [code, report, ...name] = line.split('\t');
      return { code: Number(code), report, name: name.join('\t') };
    });
}

let passed = 0;
let skipped = 0;
const failures = [];
const missing = [];
const failedChecks = [];
const steps = readSteps();

for (const name of reportNames) {
  const report = read(name);
  const step = steps.find((candidate) => candidate.report === name);
  if (!report) {
    missing.push(name.replace('.json', ''));
    continue;
  }
  const counts = name === 'vitest.json' ? vitestCounts(report) : playwrightCounts(report);
  passed += counts.passed;
  skipped += counts.skipped;
  for (const reason of counts.skipReasons) console.log(`Skipped in ${name.replace('.json', '')}: ${reason}`);
  failures.push(...counts.failures);
  // vitest exits 1 on an unhandled error yet writes a report with no failure in it.
  if (step && step.code !== 0 && counts.failures.length === 0)
    failures.push(
      `${step.name} exited with code ${step.code} though its report names no failure: an error outside the tests (read its output above)`,
    );
}
for (const step of steps) if (step.report === '-' && step.code !== 0) failedChecks.push(step.name);

if (failures.length > 0) {
  console.log(`Failed (${failures.length}):`);
  for (const failure of failures) console.log(`  - ${failure}`);
}
if (missing.length > 0) console.log(`No report from: ${missing.join(', ')} (that suite did not run to the end).`);
if (failedChecks.length > 0) console.log(`Failed checks: ${failedChecks.join(', ')}.`);
console.log(`${passed} passed, ${failures.length} failed, ${skipped} skipped`);
process.exit(failures.length > 0 || missing.length > 0 || failedChecks.length > 0 ? 1 : 0);
