import { BrowserWindow, shell } from 'electron';
import { join } from 'node:path';
import { appOrigin, isAppUrl, toExternalUrl } from './app-url';
import { describeLoadFailure, loadFailurePage } from './load-failure';
import { windowWebPreferences } from './window-preferences';

export interface MainWindowOptions {
  preloadPath: string;
  devServerUrl?: string;
  isPackaged: boolean;
  spellcheck: boolean;
  log(line: string): void;
}

/** The one window factory: every window is locked down the same way. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    title: 'Switchboard',
    show: false,
    webPreferences: windowWebPreferences(options),
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
  contents.on('render-process-gone', (_event, details) =>
    options.log(`the window's page stopped (${details.reason}, exit code ${details.exitCode})`),
  );
  window.once('ready-to-show', () => window.show());
  const url = options.devServerUrl ?? `${appOrigin}/index.html`;
  // A page that fails to load must not leave a hidden window: show what went wrong and what to do.
  window.loadURL(url).catch(async (error: unknown) => {
    if (window.isDestroyed()) return;
    const failure = describeLoadFailure(url, error, options);
    options.log(`${failure.problem} ${failure.fix}`);
    await window.loadURL(loadFailurePage(failure)).catch((pageError: unknown) => {
      options.log(`could not show the load failure either: ${(pageError as Error).message}`);
    });
    if (!window.isDestroyed()) window.show();
  });
  return window;
}

export function preloadPath(): string {
  return join(import.meta.dirname, '../preload/index.cjs');
}
