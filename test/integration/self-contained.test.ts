// A fresh clone passes on its own: no source or test reads a path outside the repository.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capturesDir } from '../fake-provider';
import { repoRoot } from './cli-process';

const folders = ['bin', 'electron', 'renderer', 'scripts', 'shared', 'test'];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|mjs|js)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !file.includes(`${sep}fixtures${sep}`));
}

const isInside = (path: string) => path === repoRoot || path.startsWith(repoRoot + sep);

describe('the repository is self-contained', () => {
  it('reads files only from inside the repository', () => {
    const outside: string[] = [];
    for (const file of folders.flatMap((folder) => sourceFiles(resolve(repoRoot, folder)))) {
      const text = readFileSync(file, 'utf8');
      // resolve(import.meta.dirname, '../..', 'x') and join(...) with literal segments.
      for (const call of text.matchAll(/(?:resolve|join)\(\s*import\.meta\.dirname((?:\s*,\s*'[^']*')+)/g)) {
        const segments = [...call[1]!.matchAll(/'([^']*)'/g)].map((match) => match[1]!);
        const target = resolve(dirname(file), ...segments);
        if (!isInside(target)) outside.push(`${relative(repoRoot, file)} → ${target}`);
      }
      // Relative imports that climb out of the repository.
      for (const match of text.matchAll(/from '(\.\.?\/[^']*)'/g)) {
        const target = resolve(dirname(file), match[1]!);
        if (!isInside(target)) outside.push(`${relative(repoRoot, file)} imports ${match[1]}`);
      }
    }
    expect(outside).toEqual([]);
  });

  it('replays the captures kept in test/fixtures', () => {
    expect(relative(repoRoot, capturesDir)).toBe(join('test', 'fixtures', 'providers'));
    expect(readdirSync(capturesDir)).toEqual(expect.arrayContaining(['NOTICE', 'LICENSE-2.0.txt', 'expected.json']));
  });
});
