// The desktop shell: the only place besides the preload that imports Electron.
import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';
import type { LocalApiInfo } from '../../shared/contract';
import { createCoreFromServices } from '../core/create-core';
import { createServices } from '../core/services';
import type { Core } from '../core/types';
import { startLocalServer } from '../server/start-local-server';
import type { RunningServer } from '../server/start-server';
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
  let localServer: RunningServer | undefined;

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
    const services = createServices({ dataDir: process.env.SWITCHBOARD_HOME ?? app.getPath('userData') });
    let localApi: LocalApiInfo | null = null;
    core = createCoreFromServices(services, { localApi: () => localApi });
    unregister = registerIpc(core, { devServerUrl });
    // Other tools use the same routes and keys through the local API while the app runs.
    startLocalServer({
      services,
      core,
      rendererDir: join(import.meta.dirname, '../renderer'),
      say: (line) => console.warn(`switchboard: ${line}`),
    })
      .then((server) => {
        localServer = server;
        localApi = { apiBase: server.apiBase, token: server.token };
      })
      .catch((error: unknown) =>
        console.error(`switchboard: the local API did not start: ${(error as Error).message}`),
      );
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
    void localServer?.close();
    void core?.dispose();
  });
}
