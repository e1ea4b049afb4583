import { readSetting, writeSetting } from '../../ui/local-setting';

export const themes = ['system', 'light', 'dark'] as const;
export type Theme = (typeof themes)[number];

const themeKey = 'switchboard.theme';
const isTheme = (value: unknown): value is Theme => themes.includes(value as Theme);

export const readTheme = (): Theme => readSetting(themeKey, 'system', isTheme);

/** Puts the theme on <html data-theme>, where the stylesheet's colours follow it. */
export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  root.dataset.theme = theme;
}

export function saveTheme(theme: Theme): void {
  writeSetting(themeKey, theme);
  applyTheme(theme);
}
