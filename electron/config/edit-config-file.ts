import { randomUUID } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { SwitchboardError } from '../../shared/errors/codes';
import type { SwitchboardConfig } from '../../shared/types/config';
import { configPath, describeProblems, emptyConfig, parseConfig, readConfigText, validateConfig } from './config-file';
import { withFileLock, type FileLockOptions } from './file-lock';

/** A change to the config, made to whatever the file holds when it runs. Throws to refuse. */
export type ConfigEdit = (config: SwitchboardConfig) => SwitchboardConfig;

/** The edits waiting per file in this process, run one after another. */
const queues = new Map<string, Promise<unknown>>();

function enqueue<T>(key: string, run: () => Promise<T>): Promise<T> {
  const result = (queues.get(key) ?? Promise.resolve()).then(run);
  const settled = result.then(
    () => undefined,
    () => undefined,
  );
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return result;
}

function storageError(file: string, error: unknown): SwitchboardError {
  return new SwitchboardError(
    'STORAGE',
    `Could not write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}. Free some disk space or check the folder's permissions; the previous file is unchanged.`,
    { cause: error },
  );
}

/** The edited config as it will load back, or a refusal that names each problem. */
function checkEdited(file: string, edited: SwitchboardConfig): SwitchboardConfig {
  const result = validateConfig(JSON.parse(JSON.stringify(edited)));
  if ('problems' in result) {
    // Each problem's path in the config, so a form can show it beside its field.
    const fields = result.problems.map((problem) => ({ field: problem.path.join('.'), message: problem.message }));
    throw new SwitchboardError(
      'CONFIG_INVALID',
      `This change was not saved:\n${describeProblems(result.problems)}\n${file} is unchanged.`,
      { fields },
    );
  }
  return result.config;
}

/** How many times a change is made again on top of a file that changed under it before giving up. */
const maxRounds = 5;

/** Reads, edits and replaces the file; runs while this process holds the config's lock. */
function applyEdit(file: string, edit: ConfigEdit, isHeld: () => boolean): SwitchboardConfig {
  for (let round = 0; round < maxRounds; round += 1) {
    const before = readConfigText(file);
    // A broken file is reported and never overwritten: the user may be halfway through a hand edit.
    const current = before === null ? emptyConfig() : parseConfig(before, file);
    const edited = checkEdited(file, edit(structuredClone(current)));
    const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
    try {
      writeFileSync(temporary, `${JSON.stringify(edited, null, 2)}\n`, { mode: 0o600 });
    } catch (error) {
      rmSync(temporary, { force: true });
      throw storageError(file, error);
    }
    // Saved by hand (or by a process that ignores the lock) since it was read: make the change again on top.
    if (readConfigText(file) !== before) {
      rmSync(temporary, { force: true });
      continue;
    }
    if (!isHeld()) {
      rmSync(temporary, { force: true });
      throw new SwitchboardError(
        'STORAGE',
        `Another process took ${file}.lock while this change was being saved, so it was not saved. Try again.`,
      );
    }
    try {
      renameSync(temporary, file);
    } catch (error) {
      rmSync(temporary, { force: true });
      throw storageError(file, error);
    }
    return edited;
  }
  throw new SwitchboardError(
    'STORAGE',
    `${file} kept changing while this change was being saved, so it was not saved. Try again once it is quiet.`,
  );
}

/**
 * Changes `<dataDir>/config.json` without losing anyone's edit: edits in this process run one at a time,
 * each under a lock file that other processes respect, on the file as it is at that moment. Resolves
 * with the config as saved; rejects, changing nothing, when the edit refuses or the result is invalid.
 */
export function editConfigFile(
  dataDir: string,
  edit: ConfigEdit,
  options: FileLockOptions = {},
): Promise<SwitchboardConfig> {
  const file = configPath(dataDir);
  return enqueue(file, async () => {
    try {
      mkdirSync(dataDir, { recursive: true });
    } catch (error) {
      throw storageError(file, error);
    }
    return withFileLock(`${file}.lock`, (isHeld) => applyEdit(file, edit, isHeld), options);
  });
}
