import type { WebPreferences } from 'electron';

export interface WindowPreferenceOptions {
  preloadPath: string;
  /** Installed builds have no DevTools at all; a development run keeps them. */
  isPackaged: boolean;
  /** Off unless the user turned it on (Edit › Check Spelling): on, Chromium downloads dictionaries. */
  spellcheck: boolean;
}

/** Every window's web preferences: sandboxed, isolated, no Node, no webview. */
export function windowWebPreferences(options: WindowPreferenceOptions): WebPreferences {
  return {
    preload: options.preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    webviewTag: false,
    spellcheck: options.spellcheck,
    devTools: !options.isPackaged,
  };
}
