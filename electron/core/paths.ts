import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where config.json and the database live: `SWITCHBOARD_HOME`, else the folder Electron's
 * `app.getPath('userData')` gives an app named Switchboard, so the desktop app, browser mode
 * and the CLI share one history.
 */
export function resolveDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (env.SWITCHBOARD_HOME) return env.SWITCHBOARD_HOME;
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Switchboard');
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Switchboard');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Switchboard');
}
