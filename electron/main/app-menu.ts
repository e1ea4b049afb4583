import type { MenuItemConstructorOptions } from 'electron';

export interface AppMenuOptions {
  platform: NodeJS.Platform;
  /** Installed builds get no reload and no DevTools. */
  isPackaged: boolean;
  /** Whether spelling is checked; the item saves the choice, which applies from the next start. */
  spellcheck: boolean;
  onSpellcheckChange(isOn: boolean): void;
}

/**
 * The application menu. macOS needs the app, Edit and Window menus for its standard shortcuts (copy and
 * paste live in Edit); elsewhere Edit alone. A development run adds View, with reload and DevTools.
 */
export function appMenuTemplate(options: AppMenuOptions): MenuItemConstructorOptions[] {
  const isMac = options.platform === 'darwin';
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      ...(isMac ? [{ role: 'pasteAndMatchStyle' } as const] : []),
      { role: 'selectAll' },
      { type: 'separator' },
      {
        label: 'Check Spelling (from the next start)',
        type: 'checkbox',
        checked: options.spellcheck,
        click: (item) => options.onSpellcheckChange(item.checked),
      },
    ],
  };
  const view: MenuItemConstructorOptions[] = options.isPackaged ? [] : [{ role: 'viewMenu' }];
  return isMac ? [{ role: 'appMenu' }, edit, ...view, { role: 'windowMenu' }] : [edit, ...view];
}
