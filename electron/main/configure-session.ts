import { session } from 'electron';
import { isPermissionAllowed } from './permissions';

/**
 * The default session's rules: every permission but clipboard writes refused, and the spell checker on only
 * when the user turned it on (on Windows and Linux it downloads dictionaries from Google's CDN when on).
 */
export function configureSession(options: { spellcheck: boolean }): void {
  const { defaultSession } = session;
  defaultSession.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(isPermissionAllowed(permission)),
  );
  defaultSession.setPermissionCheckHandler((_contents, permission) => isPermissionAllowed(permission));
  defaultSession.setSpellCheckerEnabled(options.spellcheck);
}
