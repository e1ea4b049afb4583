// The desktop shell: the only place besides the preload that imports Electron.
import { app, BrowserWindow, dialog, Menu } from 'electron';
import { join } from 'node:path';
import type { LocalApiInfo } from '../../shared/contract';
import { createCoreFromServices } from '../core/create-core';
import { resolveDataDir } from '../core/paths';
import { createServices } from '../core/services';
import type { Core } from '../core/types';
import { startLocalServer } from '../server/start-local-server';
import type { RunningServer } from '../server/start-server';
import { appMenuTemplate } from './app-menu';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { configureSession } from './configure-session';
import { createMainWindow, preloadPath } from './create-window';
import { createQuitGate } from './quit-gate';
import { registerIpc } from './register-ipc';
import { readShellSettings, shellSettingsPath, writeShellSettings } from './shell-settings';
import { startOrExplain } from './startup-failure';

app.setName('Switchboard');
registerAppScheme();
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const log = (line: string) => console.error(`switchboard: ${line}`);
const rendererDir = join(import.meta.dirname, '../renderer');

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // The same folder browser mode and the CLI use, so all three share one history.
  const dataDir = resolveDataDir();
  const settingsFile = shellSettingsPath(app.getPath('userData'));
  const settings = readShellSettings(settingsFile, log);
  let core: Core | undefined;
  let unregister: (() => void) | undefined;
  let localServer: Promise<RunningServer | undefined> | undefined;

  const openWindow = () =>
    createMainWindow({
      preloadPath: preloadPath(),
      devServerUrl,
      isPackaged: app.isPackaged,
      spellcheck: settings.spellcheck,
      log,
    });

  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });

  const start = async () => {
    configureSession({ spellcheck: settings.spellcheck });
    const menu = appMenuTemplate({
      platform: process.platform,
      isPackaged: app.isPackaged,
      spellcheck: settings.spellcheck,
      onSpellcheckChange: (isOn) => {
        try {
          writeShellSettings(settingsFile, { ...settings, spellcheck: isOn });
        } catch (error) {
          log(`could not save the spelling choice to ${settingsFile}: ${(error as Error).message}`);
        }
      },
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(menu));
    serveRenderer(rendererDir);
    const services = createServices({ dataDir });
    let localApi: LocalApiInfo | null = null;
    core = createCoreFromServices(services, { localApi: () => localApi });
    unregister = registerIpc(core, { devServerUrl });
    // Other tools use the same routes and keys through the local API while the app runs.
    localServer = startLocalServer({ services, core, rendererDir, say: log }).then(
      (server) => {
        localApi = { apiBase: server.apiBase, token: server.token };
        return server;
      },
      (error: unknown) => {
        log(`the local API did not start: ${(error as Error).message}`);
        return undefined;
      },
    );
    openWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow();
    });
  };

  void app.whenReady().then(() =>
    startOrExplain(start, dataDir, {
      showError: (title, message) => dialog.showErrorBox(title, message),
      log: (line) => console.error(line),
      exit: (code) => app.exit(code),
    }),
  );

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Cancelled streams write their usage rows before the history closes: quitting waits for them.
  app.on(
    'before-quit',
    createQuitGate({
      cleanup: async () => {
        unregister?.();
        await (await localServer)?.close();
        await core?.dispose();
      },
      quit: () => app.quit(),
      log,
    }),
  );
}
