import { BrowserWindow, shell } from 'electron';
import { join } from 'node:path';
import { appOrigin, isAppUrl, toExternalUrl } from './app-url';

/** The one window factory: every window is locked down the same way. */
export function createMainWindow(options: { preloadPath: string; devServerUrl?: string }): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    title: 'Switchboard',
    show: false,
    webPreferences: {
      preload: options.preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: true,
    },
  });
  const contents = window.webContents;
  const stayInApp = (event: Electron.Event, url: string) => {
    if (!isAppUrl(url, { devServerUrl: options.devServerUrl })) event.preventDefault();
  };
  contents.on('will-navigate', stayInApp);
  contents.on('will-redirect', stayInApp);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const external = toExternalUrl(url);
    if (external) void shell.openExternal(external);
    return { action: 'deny' };
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(options.devServerUrl ?? `${appOrigin}/index.html`);
  return window;
}

export function preloadPath(): string {
  return join(import.meta.dirname, '../preload/index.cjs');
}
