// The same flow as browser mode, in the desktop app, plus the window's security settings.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { startFakeProvider, type FakeProvider } from '../../fake-provider';
import { SwitchboardPage } from '../browser/pages';
import { snapshot } from '../snapshot';
import { findElectronBinary } from './electron-binary';
import { builtPreloadPath, launchSwitchboard } from './launch';

const binary = findElectronBinary();
test.skip('reason' in binary, 'reason' in binary ? binary.reason : '');

let app: ElectronApplication;
let page: Page;
let fake: FakeProvider;
let home: string;

test.beforeAll(async () => {
  if (!('path' in binary)) return;
  home = await mkdtemp(join(tmpdir(), 'switchboard-electron-'));
  fake = await startFakeProvider();
  ({ app, page } = await launchSwitchboard({ binary: binary.path, home }));
});
test.afterAll(async () => {
  await app?.close();
  await fake?.close();
  if (home) await rm(home, { recursive: true, force: true });
});

test('the window is sandboxed and isolated, and the page sees only the bridge', async () => {
  const preferences = await app.evaluate(({ BrowserWindow }) => {
    const contents = BrowserWindow.getAllWindows()[0]!.webContents;
    const web = (contents as unknown as { getLastWebPreferences(): Record<string, unknown> }).getLastWebPreferences();
    return { sandbox: web.sandbox, contextIsolation: web.contextIsolation, nodeIntegration: web.nodeIntegration };
  });
  expect(preferences).toEqual({ sandbox: true, contextIsolation: true, nodeIntegration: false });
  expect(
    await page.evaluate(() => Object.keys((globalThis as { switchboard?: object }).switchboard ?? {}).sort()),
  ).toEqual(['on', 'request']);
  expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
});

test('permissions are denied and the page runs under a strict CSP', async () => {
  expect(await page.evaluate(() => Notification.requestPermission())).toBe('denied');
  expect(page.url()).toMatch(/^app:\/\//);
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.injected = true';
    document.head.append(script);
  });
  expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
});

test('navigation away and new windows are blocked', async () => {
  const before = page.url();
  await page.evaluate(() =>
    (globalThis as unknown as { open(url: string, target: string): unknown }).open('https://example.com', '_blank'),
  );
  expect(app.windows()).toHaveLength(1);
  await page.evaluate(() => {
    (globalThis as unknown as { location: { href: string } }).location.href = 'https://example.com';
  });
  await page.waitForTimeout(300);
  expect(page.url()).toBe(before);
});

test('add an endpoint and key, chat, compare two models, and see the usage', async () => {
  const testInfo = test.info();
  const ui = new SwitchboardPage(page);
  await ui.addEndpoint('fake', 'openai-compatible', `${fake.url}/v1`, 'fast-model, slow-model');
  await ui.setKey('fake', 'sk-electron-test-5555');
  fake.enqueue({ kind: 'text', text: 'Hello from the desktop.', model: 'fast-model' });
  await ui.chat('fake/fast-model', 'Say hello');
  await expect(
    page.getByRole('article', { name: 'Answer from fake/fast-model' }).getByText('Hello from the desktop.'),
  ).toBeVisible();
  fake.enqueue(
    { kind: 'text', text: 'First pane answer.', model: 'fast-model' },
    { kind: 'text', text: 'Second pane answer.', model: 'slow-model' },
  );
  await ui.compare('Compare me', ['fake/fast-model', 'fake/slow-model']);
  const panes = page.getByRole('group', { name: 'Answers side by side' });
  await expect(panes.getByText(/(First|Second) pane answer\./)).toHaveCount(2);
  await snapshot(page, testInfo, 'compare');
  await ui.open('Usage');
  await expect(page.getByRole('table', { name: 'Recent calls' }).getByRole('row')).toHaveCount(4);
  await snapshot(page, testInfo, 'usage');
});

test('serves the local API while it runs, with the base URL and key Settings shows', async () => {
  await new SwitchboardPage(page).open('Settings');
  const panel = page.getByRole('region', { name: 'Local API' });
  await panel.getByRole('button', { name: 'Show key' }).click();
  const apiBase = (await panel.getByLabel('Local API base URL').textContent())!;
  const key = (await panel.getByLabel('Local API key').textContent())!;
  const models = await fetch(`${apiBase}/models`, { headers: { authorization: `Bearer ${key}` } });
  expect(models.status).toBe(200);
  expect(((await models.json()) as { data: { id: string }[] }).data.map((model) => model.id)).toContain(
    'fake/fast-model',
  );
});

test('app:// answers a missing file with 404 and a malformed escape with 400, and keeps serving', async () => {
  const statuses = await page.evaluate(() =>
    Promise.all(['/assets/missing.js', '/%E0%A4%A', '/index.html'].map(async (path) => (await fetch(path)).status)),
  );
  expect(statuses).toEqual([404, 400, 200]);
});

test('spelling is not checked and no dictionary is downloaded; Edit has copy and paste', async () => {
  const state = await app.evaluate(({ BrowserWindow, Menu, session }) => {
    const contents = BrowserWindow.getAllWindows()[0]!.webContents;
    const web = (contents as unknown as { getLastWebPreferences(): Record<string, unknown> }).getLastWebPreferences();
    const roles: string[] = [];
    const labels: string[] = [];
    const walk = (menu: Electron.Menu) => {
      for (const item of menu.items) {
        if (item.role) roles.push(item.role);
        labels.push(item.label);
        if (item.submenu) walk(item.submenu);
      }
    };
    walk(Menu.getApplicationMenu()!);
    return {
      spellcheck: web.spellcheck,
      isSessionChecking: session.defaultSession.isSpellCheckerEnabled(),
      roles,
      labels,
    };
  });
  expect(state.spellcheck).toBe(false);
  expect(state.isSessionChecking).toBe(false);
  expect(state.roles.map((role) => role.toLowerCase())).toEqual(expect.arrayContaining(['copy', 'paste', 'selectall']));
  expect(state.labels).toContain('Check Spelling (from the next start)');
  expect(existsSync(join(home, 'profile', 'Dictionaries'))).toBe(false);
});

// Last: it closes the main window.
test('closing the window mid-answer cancels the upstream call and records it cancelled', async () => {
  const ui = new SwitchboardPage(page);
  fake.enqueue({ kind: 'text', text: 'word '.repeat(2000), delayMs: 20, model: 'slow-model' });
  const requestsBefore = fake.requests.length;
  await ui.chat('fake/slow-model', 'Write a long answer');
  await expect(page.getByRole('article', { name: 'Answer from fake/slow-model' }).getByText(/word word/)).toBeVisible();
  const upstream = fake.requests[requestsBefore]!;
  expect(upstream.path).toMatch(/chat\/completions$/);
  // A second app window keeps the app running once the first closes, and shows the usage afterwards.
  const keeperOpened = app.waitForEvent('window');
  const keeperId = await app.evaluate(({ BrowserWindow }, preload) => {
    const keeper = new BrowserWindow({ webPreferences: { preload, sandbox: true, contextIsolation: true } });
    void keeper.loadURL('app://switchboard/index.html');
    return keeper.id;
  }, builtPreloadPath);
  const keeperPage = await keeperOpened;
  await app.evaluate(({ BrowserWindow }, keeper) => {
    BrowserWindow.getAllWindows()
      .find((window) => window.id !== keeper)!
      .close();
  }, keeperId);
  await Promise.race([
    upstream.aborted,
    new Promise((_resolve, reject) =>
      setTimeout(() => reject(new Error('the upstream call was not cancelled')), 10_000),
    ),
  ]);
  await new SwitchboardPage(keeperPage).open('Usage');
  const rows = keeperPage.getByRole('table', { name: 'Recent calls' }).getByRole('row');
  await expect(rows.filter({ hasText: 'fake/slow-model' }).filter({ hasText: 'cancelled' })).toHaveCount(1);
});
