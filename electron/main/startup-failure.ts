import { SwitchboardError } from '../../shared/errors/codes';

/** What the user reads when Switchboard cannot start: the problem and its fix, in a dialog before it quits. */
export interface StartupFailure {
  title: string;
  message: string;
}

const unwritableCodes = new Set(['EACCES', 'EPERM', 'EROFS']);
const blockedCodes = new Set(['ENOTDIR', 'EEXIST']);

/** The first Node error code along an error's causes (`EACCES` under a storage error). */
function causeCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    const code = current instanceof SwitchboardError ? undefined : (current as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return code;
    current = current.cause;
  }
  return undefined;
}

/**
 * Describes why startup failed. The core's own errors already name the problem and the fix (a damaged
 * history, a broken config.json with its field); a data folder that cannot be written gets its fix here.
 */
export function describeStartupFailure(error: unknown, dataDir: string): StartupFailure {
  const title = 'Switchboard could not start';
  const where = `Data folder: ${dataDir}`;
  const code = causeCode(error);
  if (code && unwritableCodes.has(code)) {
    return {
      title,
      message:
        `Switchboard cannot write to its data folder (${code}).\n\n` +
        'Make the folder writable by your user, or start Switchboard with SWITCHBOARD_HOME set to a folder you ' +
        `can write to.\n\n${where}`,
    };
  }
  if (code && blockedCodes.has(code)) {
    return {
      title,
      message:
        `Switchboard cannot create its data folder: a file stands where the folder (or one above it) should be (${code}).\n\n` +
        'Move that file aside, or start Switchboard with SWITCHBOARD_HOME set to another folder.\n\n' +
        where,
    };
  }
  if (error instanceof SwitchboardError) return { title, message: `${error.message}\n\n${where}` };
  const detail = error instanceof Error ? error.message : String(error);
  return {
    title,
    message:
      `An unexpected error stopped Switchboard while starting: ${detail}\n\n` +
      'Start it again; if this keeps happening, start it from a terminal, where the details are printed, and ' +
      `report them.\n\n${where}`,
  };
}

/** How a failed startup reaches the user: a dialog (Electron's showErrorBox in the app), a log line, an exit. */
export interface StartupEffects {
  showError(title: string, message: string): void;
  log(line: string): void;
  exit(code: number): void;
}

/** Runs the startup; when it fails, says why and how to fix it, then quits. Resolves whether it started. */
export async function startOrExplain(
  start: () => Promise<void> | void,
  dataDir: string,
  effects: StartupEffects,
): Promise<boolean> {
  try {
    await start();
    return true;
  } catch (error) {
    const failure = describeStartupFailure(error, dataDir);
    effects.log(`switchboard: ${failure.title}: ${failure.message}`);
    if (error instanceof Error && !(error instanceof SwitchboardError)) effects.log(error.stack ?? error.message);
    effects.showError(failure.title, failure.message);
    effects.exit(1);
    return false;
  }
}
