// Profiles `switchboard serve` under concurrent Chat Completions streams: the local API's pass-through hot path.
// Run inside with-keyring after a build; writes a .cpuprofile per run into PROFILE_DIR (default: a temp folder).
// node <typeScriptNodeArgs> test/bench/serve-profile.ts [calls] [concurrency] [model]
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createKeytarKeychain } from '../../electron/keychain/keytar-keychain';
import { repoRoot } from '../integration/cli-process';
import { callHttp, startUpstream } from './hot-path-peers';

const [calls = '4000', concurrency = '64', model = 'm'] = process.argv.slice(2);
const profileDir = process.env.PROFILE_DIR ?? (await mkdtemp(join(tmpdir(), 'switchboard-profile-')));
const upstream = await startUpstream();
const home = await mkdtemp(join(tmpdir(), 'switchboard-profile-home-'));
const config = { endpoints: [{ id: 'fake', kind: 'openai-compatible', baseURL: `${upstream.url}/v1` }] };
await writeFile(join(home, 'config.json'), JSON.stringify(config));
await createKeytarKeychain().set('fake', 'sk-bench-0000');
const child = spawn(
  process.execPath,
  [
    ...(process.env.PROFILE === '0' ? [] : ['--cpu-prof', `--cpu-prof-dir=${profileDir}`]),
    join(repoRoot, 'out/main/cli.js'),
    ...['serve', '--json', '--port', '0'],
  ],
  { env: { ...process.env, SWITCHBOARD_HOME: home }, stdio: ['pipe', 'pipe', 'inherit'] },
);
const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
const server = JSON.parse(line) as { apiBase: string; token: string };
const drive = async (count: number) => {
  let next = 0;
  await Promise.all(
    Array.from({ length: Number(concurrency) }, async () => {
      while (next < count) {
        next += 1;
        await callHttp(server.apiBase, server.token, `fake/${model}`, true);
      }
    }),
  );
};
/** The server's CPU time so far (user and system), in ms. */
const cpuMs = () => {
  const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
};
await drive(200);
const cpuBefore = cpuMs();
const start = performance.now();
await drive(Number(calls));
const seconds = (performance.now() - start) / 1000;
const perCall = ((cpuMs() - cpuBefore) * 1000) / Number(calls);
console.log(
  `${calls} calls in ${seconds.toFixed(2)} s: ${(Number(calls) / seconds).toFixed(0)} req/s, serve CPU ${perCall.toFixed(0)} µs a call`,
);
child.kill('SIGINT');
await once(child, 'exit');
await upstream.close();
console.log(`profile in ${profileDir}`);
process.exit(0);
