// The desktop shell: the only place besides the preload that imports Electron.
import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';
import { createCore } from '../core/create-core';
import type { Core } from '../core/types';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { createMainWindow, preloadPath } from './create-window';
import { registerIpc } from './register-ipc';

app.setName('Switchboard');
registerAppScheme();
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let core: Core | undefined;
  let unregister: (() => void) | undefined;

  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });

  app.whenReady().then(async () => {
    serveRenderer(join(import.meta.dirname, '../renderer'));
    // The same folder browser mode and the CLI use, so all three share one history.
    core = await createCore({ dataDir: process.env.SWITCHBOARD_HOME ?? app.getPath('userData') });
    unregister = registerIpc(core, { devServerUrl });
    createMainWindow({ preloadPath: preloadPath(), devServerUrl });
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createMainWindow({ preloadPath: preloadPath(), devServerUrl });
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    unregister?.();
    void core?.dispose();
  });
}
