// The window's settings, menu and web preferences: what Electron is told, checked without Electron.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appMenuTemplate } from './app-menu';
import { readShellSettings, shellSettingsPath, writeShellSettings } from './shell-settings';
import { windowWebPreferences } from './window-preferences';

let profile: string;
beforeAll(async () => {
  profile = await mkdtemp(join(tmpdir(), 'switchboard-profile-'));
});
afterAll(() => rm(profile, { recursive: true, force: true }));

/** Every item of a menu template, submenus included. */
function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? items(item.submenu as MenuItemConstructorOptions[]) : []),
  ]);
}
const roles = (template: MenuItemConstructorOptions[]) =>
  items(template)
    .map((item) => item.role)
    .filter(Boolean);
const menu = (platform: NodeJS.Platform, isPackaged: boolean, onSpellcheckChange = (_isOn: boolean) => {}) =>
  appMenuTemplate({ platform, isPackaged, spellcheck: false, onSpellcheckChange });

describe('the window', () => {
  it('is sandboxed and isolated, checks no spelling by default and has no DevTools when installed', () => {
    const installed = windowWebPreferences({ preloadPath: '/app/preload.cjs', isPackaged: true, spellcheck: false });
    expect(installed).toEqual({
      preload: '/app/preload.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
    });
    expect(windowWebPreferences({ preloadPath: '/p', isPackaged: false, spellcheck: true })).toMatchObject({
      devTools: true,
      spellcheck: true,
    });
  });
});

describe('the application menu', () => {
  it('offers no reload and no DevTools in an installed build, on any platform', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const installed = roles(menu(platform, true));
      for (const role of ['reload', 'forceReload', 'toggleDevTools', 'viewMenu']) expect(installed).not.toContain(role);
      expect(installed).toEqual(expect.arrayContaining(['copy', 'paste', 'cut', 'selectAll', 'undo']));
    }
    expect(roles(menu('linux', false))).toContain('viewMenu');
  });

  it('has the app, Edit and Window menus on macOS and Edit alone elsewhere', () => {
    expect(menu('darwin', true).map((item) => item.role ?? item.label)).toEqual(['appMenu', 'Edit', 'windowMenu']);
    expect(menu('win32', true).map((item) => item.role ?? item.label)).toEqual(['Edit']);
    expect(menu('linux', true).map((item) => item.role ?? item.label)).toEqual(['Edit']);
  });

  it('turns spell checking on from Edit', () => {
    const changes: boolean[] = [];
    const item = items(menu('linux', true, (isOn) => changes.push(isOn))).find((entry) => entry.type === 'checkbox')!;
    expect(item.checked).toBe(false);
    (item.click as (menuItem: { checked: boolean }) => void)({ checked: true });
    expect(changes).toEqual([true]);
  });
});

describe('window settings', () => {
  it('are off by default, survive a damaged file, and keep what the user chose', async () => {
    const file = shellSettingsPath(profile);
    expect(readShellSettings(file)).toEqual({ spellcheck: false });
    await writeFile(file, '{ "spellcheck": tru');
    const logged: string[] = [];
    expect(readShellSettings(file, (line) => logged.push(line))).toEqual({ spellcheck: false });
    expect(logged[0]).toContain('not valid JSON');
    writeShellSettings(file, { spellcheck: true });
    expect(readShellSettings(file)).toEqual({ spellcheck: true });
  });
});
