// The closing verdict of `npm test`, on reports written by the real vitest and Playwright runs of a project
// with a failing test, a file that cannot load and a broken setup hook.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './cli-process';

const run = promisify(execFile);
const summarizer = resolve(repoRoot, 'scripts/summarize-tests.mjs');
const bin = (name: string) => resolve(repoRoot, 'node_modules/.bin', name);

/** This process's environment without the variables that would make a nested runner think it is a worker. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(VITEST|TEST_WORKER|PLAYWRIGHT|PW_)/.test(name)),
  );
  return { ...env, FORCE_COLOR: '0', ...extra };
}

/** Runs a command that may fail; a failing test run is what these tests need. */
async function runAllowingFailure(file: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }) {
  try {
    const { stdout } = await run(file, args, { ...options, timeout: 60_000 });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string };
    return { code: typeof failed.code === 'number' ? failed.code : 1, stdout: failed.stdout ?? '' };
  }
}

async function summarize(reports: string) {
  return runAllowingFailure(process.execPath, [summarizer, reports], { cwd: reports });
}

let project: string;
let reports: string;

async function writeFiles(files: Record<string, string>) {
  for (const [name, text] of Object.entries(files)) await writeFile(join(project, name), text);
}

beforeAll(async () => {
  project = await mkdtemp(join(tmpdir(), 'switchboard-summary-'));
  reports = join(project, 'reports');
  await symlink(resolve(repoRoot, 'node_modules'), join(project, 'node_modules'));
  await writeFiles({
    'package.json': '{ "type": "module" }',
    'vitest.config.ts': "export default { test: { include: ['*.test.ts'] } };",
    'playwright.config.ts': "export default { testDir: '.', testMatch: '*.spec.ts', outputDir: 'pw-results' };",
    'passes.test.ts': "import { expect, it } from 'vitest';\nit('adds', () => expect(1 + 1).toBe(2));",
    'fails.test.ts': "import { expect, it } from 'vitest';\nit('compares', () => expect(1).toBe(2));",
    'load-fails.test.ts':
      "import { readFileSync } from 'node:fs';\nimport { it } from 'vitest';\n" +
      "const fixture = readFileSync('../missing/fixtures/cases.json', 'utf8');\nit('never runs', () => void fixture);",
    'hook-fails.test.ts':
      "import { beforeAll, expect, it } from 'vitest';\nbeforeAll(() => { throw new Error('setup broke'); });\n" +
      "it('after setup', () => expect(1).toBe(1));",
    'stray-rejection.test.ts':
      "import { expect, it } from 'vitest';\n" +
      "it('leaves a rejection behind', () => { void Promise.reject(new Error('stray')); expect(1).toBe(1); });",
    'passes.spec.ts':
      "import { expect, test } from '@playwright/test';\ntest('adds', () => expect(1 + 1).toBe(2));\n" +
      "test('needs a binary', () => test.skip(true, 'no binary on this machine'));",
    'fails.spec.ts': "import { expect, test } from '@playwright/test';\ntest('compares', () => expect(1).toBe(2));",
    'load-fails.spec.ts':
      "import { test } from '@playwright/test';\nimport { helper } from './missing-helper';\ntest('never runs', () => helper());",
  });
}, 30_000);
afterAll(() => rm(project, { recursive: true, force: true }));

async function vitestReport(name: string, files: string[]) {
  const output = join(reports, name);
  await runAllowingFailure(bin('vitest'), ['run', '--reporter=json', `--outputFile.json=${output}`, ...files], {
    cwd: project,
    env: cleanEnv(),
  });
  return output;
}

async function playwrightReport(name: string, files: string[]) {
  const output = join(reports, name);
  await runAllowingFailure(bin('playwright'), ['test', '--reporter=json', ...files], {
    cwd: project,
    env: cleanEnv({ PLAYWRIGHT_JSON_OUTPUT_FILE: output }),
  });
  return output;
}

async function writeSteps(lines: [number, string, string][]) {
  await writeFile(join(reports, 'steps.tsv'), lines.map((line) => line.join('\t') + '\n').join(''));
}

describe('the test summary', () => {
  it('counts failing tests, files that did not load and broken hooks, and names each', async () => {
    await vitestReport('vitest.json', ['passes', 'fails', 'load-fails', 'hook-fails']);
    await playwrightReport('playwright-browser.json', ['/passes.spec.ts', '/fails.spec.ts']);
    await playwrightReport('playwright-electron.json', ['/passes.spec.ts', '/load-fails.spec.ts']);
    await writeSteps([
      [0, '-', 'Type check'],
      [1, 'vitest.json', 'Unit tests'],
      [1, 'playwright-browser.json', 'Browser tests'],
      [1, 'playwright-electron.json', 'Desktop tests'],
    ]);
    const { code, stdout } = await summarize(reports);
    expect(code).toBe(1);
    expect(stdout).toContain('fails.test.ts › compares');
    expect(stdout).toMatch(/load-fails\.test\.ts failed outside any test: .*ENOENT.*cases\.json/);
    expect(stdout).toContain('hook-fails.test.ts failed outside any test: setup broke');
    expect(stdout).toContain('fails.spec.ts › compares');
    // A spec file that does not load stops Playwright before any test: only its error says so.
    expect(stdout).toMatch(/failed outside any test: .*missing-helper.* imported from .*load-fails\.spec\.ts/);
    expect(stdout).toContain('Skipped in playwright-browser: no binary on this machine');
    // vitest: 1 failing test + 2 files; browser: 1 failing test; desktop: 1 file.
    expect(stdout).toMatch(/^\d+ passed, 5 failed, \d+ skipped$/m);
    expect(stdout).not.toContain(' 0 failed');
  }, 120_000);

  it('counts a suite that exited with an error its report does not show', async () => {
    await rm(reports, { recursive: true, force: true });
    await vitestReport('vitest.json', ['passes', 'stray-rejection']);
    await playwrightReport('playwright-browser.json', ['/passes.spec.ts']);
    await playwrightReport('playwright-electron.json', ['/passes.spec.ts']);
    await writeSteps([
      [1, 'vitest.json', 'Unit tests'],
      [0, 'playwright-browser.json', 'Browser tests'],
      [0, 'playwright-electron.json', 'Desktop tests'],
    ]);
    const { code, stdout } = await summarize(reports);
    expect(code).toBe(1);
    expect(stdout).toContain('Unit tests exited with code 1 though its report names no failure');
    expect(stdout).toMatch(/^4 passed, 1 failed, 2 skipped$/m);
  }, 120_000);

  it('fails on a failed check or a missing report, and passes only a clean run', async () => {
    await writeSteps([
      [2, '-', 'Type check'],
      [0, 'vitest.json', 'Unit tests'],
      [0, 'playwright-browser.json', 'Browser tests'],
      [0, 'playwright-electron.json', 'Desktop tests'],
    ]);
    await vitestReport('vitest.json', ['passes']);
    let result = await summarize(reports);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Failed checks: Type check.');

    await writeSteps([[0, 'vitest.json', 'Unit tests']]);
    await rm(join(reports, 'playwright-electron.json'));
    result = await summarize(reports);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('No report from: playwright-electron');

    await playwrightReport('playwright-electron.json', ['/passes.spec.ts']);
    result = await summarize(reports);
    expect(result.stdout).toMatch(/^3 passed, 0 failed, 2 skipped$/m);
    expect(result.code).toBe(0);
  }, 120_000);
});
