import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { SwitchboardError } from '../../shared/errors/codes';
import { configSchema, type SwitchboardConfig } from '../../shared/types/config';
import { checkReferences } from './check-references';

export function configPath(dataDir: string): string {
  return join(dataDir, 'config.json');
}

function fieldPath(path: PropertyKey[]): string {
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

function describeIssues(file: string, issues: z.core.$ZodIssue[]): string {
  const lines = issues.map((issue) => `  ${fieldPath(issue.path) || '(top level)'}: ${issue.message}`);
  return `${file} is not a valid Switchboard config:\n${lines.join('\n')}\nFix the file (it is left untouched) and try again.`;
}

/** Where in the text a JSON syntax error sits, as "line L, column C". */
function jsonErrorPosition(text: string, error: Error): string {
  const match = /position (\d+)/.exec(error.message);
  if (!match) return '';
  const before = text.slice(0, Number(match[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return ` at line ${line}, column ${column}`;
}

/** Validates config text; every problem names the file, the field and the fix. */
export function parseConfig(text: string, file: string): SwitchboardConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SwitchboardError(
      'CONFIG_INVALID',
      `${file} is not valid JSON${jsonErrorPosition(text, error as Error)}: ${(error as Error).message}. Fix the file (it is left untouched) and try again.`,
    );
  }
  const parsed = configSchema.safeParse(json);
  if (!parsed.success) throw new SwitchboardError('CONFIG_INVALID', describeIssues(file, parsed.error.issues));
  const problems = checkReferences(parsed.data);
  if (problems.length > 0) {
    throw new SwitchboardError(
      'CONFIG_INVALID',
      describeIssues(
        file,
        problems.map(({ path, message }) => ({ path, message }) as z.core.$ZodIssue),
      ),
    );
  }
  return parsed.data;
}

/** The config in `dataDir`; a missing file is an empty config. */
export function loadConfig(dataDir: string): SwitchboardConfig {
  const file = configPath(dataDir);
  if (!existsSync(file)) return { endpoints: [], routes: {} };
  return parseConfig(readFileSync(file, 'utf8'), file);
}

/**
 * Writes the config atomically. Refuses while the file on disk is broken, so a hand edit in
 * progress is never overwritten by the app.
 */
export function saveConfig(dataDir: string, config: SwitchboardConfig): void {
  const file = configPath(dataDir);
  loadConfig(dataDir);
  const checked = parseConfig(JSON.stringify(config), file);
  mkdirSync(dataDir, { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, `${JSON.stringify(checked, null, 2)}\n`, { mode: 0o600 });
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new SwitchboardError(
      'STORAGE',
      `Could not write ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}. Free some disk space or check the folder's permissions; the previous file is unchanged.`,
      { cause: error },
    );
  }
}
