import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Choices about the desktop window itself, kept in Electron's profile folder (not the shared config.json). */
export interface ShellSettings {
  /** Spelling is checked while typing; off by default, since turning it on downloads dictionaries. */
  spellcheck: boolean;
}

export const defaultShellSettings: ShellSettings = { spellcheck: false };

export function shellSettingsPath(profileDir: string): string {
  return join(profileDir, 'window-settings.json');
}

/** Reads the settings; a missing or damaged file means the defaults, never a failed start. */
export function readShellSettings(file: string, log: (line: string) => void = console.warn): ShellSettings {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { ...defaultShellSettings };
  }
  try {
    const parsed = JSON.parse(text) as Partial<ShellSettings>;
    return { spellcheck: parsed.spellcheck === true };
  } catch (error) {
    log(`switchboard: ${file} is not valid JSON (${(error as Error).message}); using the defaults`);
    return { ...defaultShellSettings };
  }
}

/** Saves the settings atomically. */
export function writeShellSettings(file: string, settings: ShellSettings): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(settings, null, 2)}\n`);
  renameSync(temporary, file);
}
