import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SwitchboardError } from '../../shared/errors/codes';
import { configSchema, type SwitchboardConfig } from '../../shared/types/config';
import { checkReferences, type ConfigProblem } from './check-references';

export function configPath(dataDir: string): string {
  return join(dataDir, 'config.json');
}

export const emptyConfig = (): SwitchboardConfig => ({ endpoints: [], routes: {} });

function fieldPath(path: PropertyKey[]): string {
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`))
    .join('');
}

/** One line per problem: the field, then what is wrong and how to fix it. */
export function describeProblems(problems: ConfigProblem[]): string {
  return problems.map((problem) => `  ${fieldPath(problem.path) || '(top level)'}: ${problem.message}`).join('\n');
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

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * Names that the schema would drop without a word (zod skips a `__proto__` key, which would otherwise
 * replace an object's prototype): reported, so a route or price is never silently lost.
 */
function reservedNameProblems(json: unknown): ConfigProblem[] {
  if (!isObject(json)) return [];
  const problems: ConfigProblem[] = [];
  if (isObject(json.routes) && Object.hasOwn(json.routes, '__proto__')) {
    problems.push({ path: ['routes', '__proto__'], message: '"__proto__" cannot name a route; pick another name' });
  }
  if (Array.isArray(json.endpoints)) {
    json.endpoints.forEach((endpoint: unknown, index) => {
      if (isObject(endpoint) && isObject(endpoint.prices) && Object.hasOwn(endpoint.prices, '__proto__')) {
        problems.push({
          path: ['endpoints', index, 'prices', '__proto__'],
          message: '"__proto__" cannot name a model; remove this price',
        });
      }
    });
  }
  const budgets = json.budgets;
  if (isObject(budgets) && isObject(budgets.endpoints) && Object.hasOwn(budgets.endpoints, '__proto__')) {
    problems.push({
      path: ['budgets', 'endpoints', '__proto__'],
      message: '"__proto__" cannot name an endpoint; remove this budget',
    });
  }
  return problems;
}

/** A config, or every problem the schema and the cross-references find in it. */
export function validateConfig(json: unknown): { config: SwitchboardConfig } | { problems: ConfigProblem[] } {
  const reserved = reservedNameProblems(json);
  const parsed = configSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      path: issue.path as (string | number)[],
      message: issue.message,
    }));
    return { problems: [...reserved, ...issues] };
  }
  const problems = [...reserved, ...checkReferences(parsed.data)];
  return problems.length > 0 ? { problems } : { config: parsed.data };
}

/** Validates config text; every problem names the file, the field and the fix. */
export function parseConfig(text: string, file: string): SwitchboardConfig {
  // Notepad and some other Windows editors start UTF-8 files with a byte order mark.
  const json = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new SwitchboardError(
      'CONFIG_INVALID',
      `${file} is not valid JSON${jsonErrorPosition(json, error as Error)}: ${(error as Error).message}. Fix the file (it is left untouched) and try again.`,
    );
  }
  const result = validateConfig(value);
  if ('problems' in result) {
    throw new SwitchboardError(
      'CONFIG_INVALID',
      `${file} is not a valid Switchboard config:\n${describeProblems(result.problems)}\nFix the file (it is left untouched) and try again.`,
    );
  }
  return result.config;
}

/** The text of `config.json`, or null when there is none yet. */
export function readConfigText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new SwitchboardError(
      'STORAGE',
      `Could not read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}. Check the file's permissions.`,
      { cause: error },
    );
  }
}

/** The config in `dataDir`; a missing file is an empty config. */
export function loadConfig(dataDir: string): SwitchboardConfig {
  const file = configPath(dataDir);
  const text = readConfigText(file);
  return text === null ? emptyConfig() : parseConfig(text, file);
}
