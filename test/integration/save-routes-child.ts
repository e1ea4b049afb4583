// One process of the two that save routes into the same config.json at once (config-edits.test.ts):
// says "ready", waits for "go" on stdin, saves `count` routes through the core as Settings does, and
// prints which saves were acknowledged.
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { createCoreFromServices } from '../../electron/core/create-core';
import { createServices } from '../../electron/core/services';

const [dataDir, prefix, count] = process.argv.slice(2) as [string, string, string];
const core = createCoreFromServices(createServices({ dataDir }));
const context = { emit: () => {} };
const lines = createInterface({ input: process.stdin });
process.stdout.write('ready\n');
await once(lines, 'line');
const names = Array.from({ length: Number(count) }, (_, index) => `${prefix}-${index}`);
const results = await Promise.all(
  names.map((name) => core.dispatch('routes.save', { name, targets: ['shared/m'] }, context)),
);
const saved = names.filter((_, index) => results[index]!.ok);
const refused = results.flatMap((result) => (result.ok ? [] : [result.error.message]));
process.stdout.write(`${JSON.stringify({ saved, refused })}\n`);
lines.close();
await core.dispose();
