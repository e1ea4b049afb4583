// Writes docs/local-api-fields.md, the table of every local API request field and what each path does with it,
// from the codecs' own rule tables (test/api-fields/render-field-table.ts). Run with the project's Node:
//   bash scripts/run.sh node scripts/local-api-fields.mjs
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const renderer = pathToFileURL(resolve(root, 'test/api-fields/render-field-table.ts')).href;
const target = resolve(root, 'docs/local-api-fields.md');
const program = `
import { writeFileSync } from 'node:fs';
const { renderLocalApiFields } = await import(${JSON.stringify(renderer)});
writeFileSync(${JSON.stringify(target)}, await renderLocalApiFields());
`;
const result = spawnSync(
  process.execPath,
  [
    '--experimental-transform-types',
    '--no-warnings',
    '--import',
    pathToFileURL(resolve(root, 'test/integration/ts-resolve-hooks.mjs')).href,
    '--input-type=module',
    '--eval',
    program,
  ],
  { cwd: root, stdio: 'inherit' },
);
if (result.status !== 0) process.exit(result.status ?? 1);
console.log(`wrote ${target}`);
