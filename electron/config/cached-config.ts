import { statSync, type Stats } from 'node:fs';
import type { SwitchboardConfig } from '../../shared/types/config';
import { configPath, emptyConfig, loadConfig } from './config-file';

/** The parsed config, read again only when the file changed. */
export interface ConfigReader {
  read(): SwitchboardConfig;
  /** Drops the parsed copy: the next read parses the file (after an edit through Switchboard). */
  invalidate(): void;
}

/** What identifies one version of the file: an atomic save (rename) changes the inode, a hand edit mtime or size. */
function versionOf(stats: Stats | undefined): string {
  return stats ? `${stats.ino}:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}` : 'none';
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Reads `config.json` once and then only when a stat shows it changed, so a hand edit still applies on the
 * next call while calls in between skip the parse and the schema check. The copy is frozen: callers share it.
 * A file that does not parse is not kept: every read reports it until it is fixed.
 */
export function createConfigReader(dataDir: string): ConfigReader {
  const file = configPath(dataDir);
  let kept: { version: string; config: SwitchboardConfig } | undefined;
  const stat = () => statSync(file, { throwIfNoEntry: false });
  return {
    read() {
      const before = versionOf(stat());
      if (kept?.version === before) return kept.config;
      if (before === 'none') {
        kept = { version: before, config: deepFreeze(emptyConfig()) };
        return kept.config;
      }
      const config = deepFreeze(loadConfig(dataDir));
      // Kept only when the file did not change while it was read, so a half-seen save is read again.
      const after = versionOf(stat());
      kept = after === before ? { version: before, config } : undefined;
      return config;
    },
    invalidate() {
      kept = undefined;
    },
  };
}
