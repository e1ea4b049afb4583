// What the desktop app does when it cannot start, cannot load its page, or is quit mid-answer.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { deadPort, startFakeProvider, type FakeProvider } from '../../fake-provider';
import { SwitchboardPage } from '../browser/pages';
import { findElectronBinary } from './electron-binary';
import { launchSwitchboard, runUntilExit } from './launch';

const binary = findElectronBinary();
test.skip('reason' in binary, 'reason' in binary ? binary.reason : '');
const binaryPath = () => ('path' in binary ? binary.path : '');

let home: string;
let fake: FakeProvider | undefined;
test.beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), 'switchboard-electron-'));
});
test.afterEach(async () => {
  await fake?.close();
  fake = undefined;
  await rm(home, { recursive: true, force: true });
});

test('a damaged history: a dialog names the file and the fix, then the app quits', async () => {
  await writeFile(join(home, 'switchboard.db'), 'not a database, a note '.repeat(500));
  const result = await runUntilExit({ binary: binaryPath(), home, dataDir: home });
  expect(result.code).toBe(1);
  expect(result.dialogs).toHaveLength(1);
  expect(result.dialogs[0]!.title).toBe('Switchboard could not start');
  expect(result.dialogs[0]!.content).toContain(join(home, 'switchboard.db'));
  expect(result.dialogs[0]!.content).toContain('move it aside');
  expect(result.stderr).toContain('move it aside');
});

test('an unwritable data folder: a dialog says to make it writable or set SWITCHBOARD_HOME', async () => {
  // sysfs refuses new folders even to root.
  const result = await runUntilExit({ binary: binaryPath(), home, dataDir: '/sys/switchboard-e2e' });
  expect(result.code).toBe(1);
  expect(result.dialogs[0]!.content).toContain('cannot write to its data folder');
  expect(result.dialogs[0]!.content).toContain('SWITCHBOARD_HOME');
});

test('a page that cannot load: the window is shown with why and what to do', async () => {
  const { app, page } = await launchSwitchboard({
    binary: binaryPath(),
    home,
    env: { ELECTRON_RENDERER_URL: `http://127.0.0.1:${await deadPort()}/` },
  });
  try {
    await expect(page.getByRole('heading', { name: 'Switchboard could not open' })).toBeVisible();
    await expect(page.getByText('npm run dev')).toBeVisible();
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.isVisible())).toBe(true);
  } finally {
    await app.close();
  }
});

test('quitting mid-answer cancels the call and its usage row is written before the history closes', async () => {
  const provider = (fake = await startFakeProvider());
  const first = await launchSwitchboard({ binary: binaryPath(), home });
  const ui = new SwitchboardPage(first.page);
  await ui.addEndpoint('fake', 'openai-compatible', `${provider.url}/v1`, 'slow-model');
  provider.enqueue({ kind: 'text', text: 'word '.repeat(2000), delayMs: 20, model: 'slow-model' });
  const requestsBefore = provider.requests.length;
  await ui.chat('fake/slow-model', 'Write a long answer');
  await expect(
    first.page.getByRole('article', { name: 'Answer from fake/slow-model' }).getByText(/word word/),
  ).toBeVisible();
  const upstream = provider.requests[requestsBefore]!;
  await first.app.close();
  await upstream.aborted;

  const second = await launchSwitchboard({ binary: binaryPath(), home });
  try {
    await new SwitchboardPage(second.page).open('Usage');
    const rows = second.page.getByRole('table', { name: 'Recent calls' }).getByRole('row');
    await expect(rows.filter({ hasText: 'fake/slow-model' }).filter({ hasText: 'cancelled' })).toHaveCount(1);
  } finally {
    await second.app.close();
  }
});
