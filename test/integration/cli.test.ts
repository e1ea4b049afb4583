// The CLI as a user runs it: built bundle, real keychain, real SQLite file.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeytarKeychain } from '../../electron/keychain/keytar-keychain';
import { openStore } from '../../electron/store/open-store';
import { otlpHeadersAccount } from '../../electron/telemetry/otlp-headers';
import { cliPath, runCli, typeScriptNodeArgs } from './cli-process';
import { lookUpInOsKeychain } from './os-keychain';

const hasKeyring = process.env.SWITCHBOARD_TEST_KEYRING === '1';
let home: string;

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'switchboard-cli-'));
  await writeFile(join(home, 'config.json'), JSON.stringify({ endpoints: [{ id: 'cli-openai', kind: 'openai' }] }));
});
afterAll(() => rm(home, { recursive: true, force: true }));

describe('switchboard CLI', () => {
  it('explains an unknown command in one line and exits non-zero', async () => {
    const { code, stderr } = await runCli(['frobnicate'], { home });
    expect(code).toBe(1);
    expect(stderr.trim()).toBe('switchboard: unknown command "frobnicate"; run `switchboard --help`');
  });

  it('reports a broken config.json in one line that names the field, and leaves the file alone', async () => {
    const broken = await mkdtemp(join(tmpdir(), 'switchboard-cli-broken-'));
    await writeFile(
      join(broken, 'config.json'),
      JSON.stringify({ endpoints: [{ id: 'x', kind: 'openai-compatible' }] }),
    );
    const { code, stderr } = await runCli(['keys', 'list'], { home: broken });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(
      /config\.json is not a valid Switchboard config: endpoints\[0\]\.baseURL: an "openai-compatible" endpoint needs a "baseURL"/,
    );
    await rm(broken, { recursive: true, force: true });
  });

  it('says so when no call is recorded yet', async () => {
    const empty = await mkdtemp(join(tmpdir(), 'switchboard-cli-empty-'));
    try {
      expect(await runCli(['usage'], { home: empty })).toMatchObject({ code: 0, stdout: 'No calls recorded yet.\n' });
      expect((await runCli(['usage', '--format', 'json'], { home: empty })).stdout.trim()).toBe('[]');
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });

  it('rejects a bad --since and a bad --format', async () => {
    expect((await runCli(['usage', '--since', 'yesterday-ish'], { home })).stderr).toMatch(
      /--since "yesterday-ish" is not a date/,
    );
    expect((await runCli(['usage', '--format', 'xml'], { home })).stderr).toMatch(
      /--format "xml" is unknown; use table, csv or json/,
    );
  });

  it('refuses every bad argument in one line that names the flag and the fix, before opening the history', async () => {
    const fresh = await mkdtemp(join(tmpdir(), 'switchboard-cli-args-'));
    const refusals: [string[], RegExp][] = [
      [
        ['usage', '--limit', 'abc'],
        /^switchboard: --limit "abc" is not a number of calls; use a whole number from 1, e\.g\. --limit 50$/,
      ],
      [['usage', '--limit', '0'], /^switchboard: --limit "0" is not a number of calls/],
      [['usage', '--limit', '2.5'], /^switchboard: --limit "2\.5" is not a number of calls/],
      [
        ['usage', '--since', '2026-02-31'],
        /^switchboard: --since "2026-02-31" is not a date; use e\.g\. --since 2026-11-01 \(midnight UTC\) or --since 2026-11-01T10:00:00\+02:00$/,
      ],
      [['usage', '--since', '1'], /^switchboard: --since "1" is not a date/],
      [['usage', '--since'], /^switchboard: --since needs a value \(e\.g\. --since VALUE/],
      [['usage', '--frobnicate'], /^switchboard: usage has no option "--frobnicate"; run `switchboard --help`/],
      [['usage', 'today'], /^switchboard: usage takes no argument "today"; run `switchboard --help`/],
      [['keys', 'list', 'everything'], /^switchboard: keys list takes no arguments/],
      [['keys', 'remove', 'cli-openai', 'now'], /^switchboard: keys remove takes only the endpoint id/],
    ];
    try {
      for (const [args, expected] of refusals) {
        const { code, stderr } = await runCli(args, { home: fresh });
        expect(code, args.join(' ')).toBe(1);
        expect(stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
        expect(stderr.trim(), args.join(' ')).toMatch(expected);
        expect(stderr).not.toMatch(/history database/);
      }
      expect(existsSync(join(fresh, 'switchboard.db'))).toBe(false);
    } finally {
      await rm(fresh, { recursive: true, force: true });
    }
  });

  it('refuses a key given on the command line without repeating it', async () => {
    const result = await runCli(['keys', 'set', 'cli-openai', 'sk-in-argv-5678'], {
      home,
      stdin: 'sk-from-stdin-1234',
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /keys set takes only the endpoint id; the key comes from stdin, never from the command line/,
    );
    expect(result.stdout + result.stderr).not.toContain('sk-in-argv-5678');
  });

  it('compares --since in UTC whatever offset it is written with', async () => {
    const dated = await mkdtemp(join(tmpdir(), 'switchboard-cli-since-'));
    const store = openStore(dated);
    for (const [id, createdAt] of [
      ['before', '2026-11-01T07:59:00.000Z'],
      ['after', '2026-11-01T08:30:00.000Z'],
    ] as const) {
      store.recordUsage({
        id,
        createdAt,
        source: 'app',
        status: 'ok',
        requestedModel: 'm',
        target: 'cli-openai/m',
        servedModel: null,
        finishReason: 'stop',
        timeToFirstTokenMs: 1,
        totalMs: 2,
        tokensPerSecond: null,
        attempts: [],
        error: null,
        conversationId: null,
        usage: null,
        costUSD: null,
        costSource: 'unknown',
        apiProtocol: null,
        apiPath: null,
      });
    }
    store.close();
    try {
      for (const since of ['2026-11-01T10:00:00+02:00', '2026-11-01T08:00Z', '2026-11-01T08:00']) {
        const { stdout, stderr } = await runCli(['usage', '--format', 'json', '--since', since], { home: dated });
        expect(
          JSON.parse(stdout).map((row: { id: string }) => row.id),
          stderr,
        ).toEqual(['after']);
      }
    } finally {
      await rm(dated, { recursive: true, force: true });
    }
  });

  it('prints usage as csv and json, newest first, with unknown costs as unknown', async () => {
    const store = openStore(home);
    const base = {
      source: 'app' as const,
      status: 'ok' as const,
      requestedModel: 'm',
      target: 'cli-openai/gpt-4o-mini',
      servedModel: null,
      finishReason: 'stop',
      timeToFirstTokenMs: 100,
      totalMs: 500,
      tokensPerSecond: 20,
      attempts: [],
      error: null,
      conversationId: null,
      usage: { inputTokens: 10, cacheReadTokens: 0, cacheWriteTokens: 0, outputTokens: 5, reasoningTokens: null },
      apiProtocol: null,
      apiPath: null,
    };
    store.recordUsage({
      ...base,
      id: 'old',
      createdAt: '2026-10-01T10:00:00.000Z',
      costUSD: 0.5,
      costSource: 'catalog',
    });
    store.recordUsage({
      ...base,
      id: 'new',
      createdAt: '2026-11-20T10:00:00.000Z',
      costUSD: null,
      costSource: 'unknown',
      apiProtocol: 'anthropic',
      apiPath: 'translated',
    });
    store.close();

    const json = await runCli(['usage', '--format', 'json'], { home });
    expect(JSON.parse(json.stdout).map((row: { id: string }) => row.id)).toEqual(['new', 'old']);
    // Which protocol and path served a local API call.
    expect(JSON.parse(json.stdout)[0]).toMatchObject({ apiProtocol: 'anthropic', apiPath: 'translated' });
    const since = await runCli(['usage', '--format', 'json', '--since', '2026-11-01'], { home });
    expect(JSON.parse(since.stdout).map((row: { id: string }) => row.id)).toEqual(['new']);
    const byModel = await runCli(['usage', '--by', 'model'], { home });
    expect(byModel.stdout.split('\n')[0]).toMatch(/^model\s+calls\s+failed\s+input_tokens\s+output_tokens\s+cost_usd/);
    expect(byModel.stdout).toMatch(/cli-openai\/gpt-4o-mini\s+2\s+0\s+20\s+10\s+0\.500000\s+1/);
    const apiOnly = await runCli(['usage', '--source', 'api'], { home });
    expect(apiOnly.stdout).toBe('No calls match.\n');
    expect((await runCli(['usage', '--by', 'day'], { home })).stderr).toMatch(/--by "day" is unknown; use --by model/);
    const csv = await runCli(['usage', '--format', 'csv'], { home });
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^time,source,status,model,target,input_tokens,output_tokens/);
    expect(lines[1]).toMatch(/,unknown,unknown,,0,,new$/);
    expect(lines[2]).toMatch(/,0\.500000,catalog,,0,,old$/);
    const table = await runCli(['usage'], { home });
    expect(table.stdout).toContain('2 calls, total $0.500000 for 1 priced; 1 call without a price left out');
  });

  it.skipIf(!hasKeyring)('sets a key from stdin, lists it masked and removes it', async () => {
    const set = await runCli(['keys', 'set', 'cli-openai'], { home, stdin: 'sk-cli-test-abcd1234\n' });
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain('••••1234');
    expect(set.stdout + set.stderr).not.toContain('sk-cli-test-abcd1234');
    const listed = await runCli(['keys', 'list'], { home });
    expect(listed.stdout).toMatch(/cli-openai\s+••••1234/);
    expect(listed.stdout).not.toContain('sk-cli-test');
    expect((await runCli(['keys', 'remove', 'cli-openai'], { home })).stdout).toMatch(/Removed the key of cli-openai/);
    expect((await runCli(['keys', 'list'], { home })).stdout).toMatch(/cli-openai\s+no key/);
  });

  it.skipIf(!hasKeyring)("lists endpoint keys only, not the OpenTelemetry collector's headers", async () => {
    const keychain = createKeytarKeychain();
    await keychain.set(otlpHeadersAccount, JSON.stringify({ Authorization: 'Bearer cli-otlp-9876' }));
    try {
      const listed = await runCli(['keys', 'list'], { home });
      expect(listed.code, listed.stderr).toBe(0);
      expect(listed.stdout).toMatch(/cli-openai/);
      expect(listed.stdout).not.toContain(otlpHeadersAccount);
      expect(listed.stdout).not.toContain('9876');
    } finally {
      await keychain.remove(otlpHeadersAccount);
    }
  });

  it.skipIf(!hasKeyring)('keeps the collector headers from stdin in the keychain, never printing them', async () => {
    const set = await runCli(['telemetry', 'headers', 'set'], { home, stdin: 'Authorization: Bearer cli-otel-5555\n' });
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toBe('Stored the collector headers (Authorization) in the OS keychain.\n');
    expect(await createKeytarKeychain().get(otlpHeadersAccount)).toBe('{"Authorization":"Bearer cli-otel-5555"}');
    const shown = await runCli(['telemetry', 'show'], { home });
    expect(shown.stdout).toMatch(/headers\tset/);
    expect(shown.stdout + set.stdout).not.toContain('cli-otel-5555');
    const bad = await runCli(['telemetry', 'headers', 'set'], { home, stdin: 'Bearer oops\n' });
    expect(bad.stderr).toMatch(/line 1 is not "Name: value"/);
    expect(bad.stderr).not.toContain('oops');
    expect((await runCli(['telemetry', 'headers', 'remove'], { home })).stdout).toBe(
      'Removed the collector headers.\n',
    );
    expect((await runCli(['telemetry', 'show'], { home })).stdout).toMatch(/headers\tnot set/);
  });

  it('refuses an empty key and a key in argv position', async () => {
    const empty = await runCli(['keys', 'set', 'cli-openai'], { home, stdin: '' });
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/no key on stdin/);
    const bad = await runCli(['keys', 'set', 'Not An Id'], { home });
    expect(bad.stderr).toMatch(/needs an endpoint id/);
  });

  it.skipIf(!hasKeyring)('says how to get a keychain when no Secret Service answers, and stores nothing', async () => {
    const result = await runCli(['keys', 'set', 'cli-openai'], {
      home,
      stdin: 'sk-never-stored-9999',
      env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus', DISPLAY: '' },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^switchboard: The OS keychain is unavailable .*Secret Service/);
    expect(result.stderr).not.toContain('sk-never-stored-9999');
  });

  // util-linux's `script` gives the CLI a real terminal and records everything shown on it.
  it.skipIf(!hasKeyring || !existsSync('/usr/bin/script'))(
    'takes a key typed at a terminal without showing it',
    async () => {
      const key = 'sk-typed-at-a-terminal-4242';
      const child = spawn('script', ['-qfec', `"${process.execPath}" "${cliPath}" keys set cli-openai`, '/dev/null'], {
        env: { ...process.env, SWITCHBOARD_HOME: home },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let screen = '';
      child.stdout.on('data', (chunk: Buffer) => (screen += chunk.toString()));
      await expect.poll(() => screen, { timeout: 10_000 }).toContain('it is not shown');
      child.stdin.write(`${key}\r`);
      const [code] = (await once(child, 'close')) as [number];
      expect(code, screen).toBe(0);
      expect(screen).toContain('Stored the key of cli-openai (••••4242)');
      expect(screen).not.toContain(key);
      expect(await lookUpInOsKeychain('cli-openai')).toBe(key);
      await runCli(['keys', 'remove', 'cli-openai'], { home });
    },
  );

  // The order matters, not the speed: echo must be off before the prompt invites typing. The probe
  // asks the terminal (stty) at the moment the prompt is written, so a prompt shown first fails every run.
  it.skipIf(!hasKeyring || !existsSync('/usr/bin/script'))(
    'turns echo off before it shows the key prompt',
    async () => {
      const probe = join(import.meta.dirname, 'hidden-prompt-probe.ts');
      const command = [process.execPath, ...typeScriptNodeArgs, probe, 'keys', 'set', 'cli-openai']
        .map((part) => `"${part}"`)
        .join(' ');
      const child = spawn('script', ['-qfec', command, '/dev/null'], {
        env: { ...process.env, SWITCHBOARD_HOME: home },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let screen = '';
      child.stdout.on('data', (chunk: Buffer) => (screen += chunk.toString()));
      await expect.poll(() => screen, { timeout: 10_000 }).toContain('it is not shown');
      child.stdin.write('sk-typed-right-after-the-prompt-1717\r');
      const [code] = (await once(child, 'close')) as [number];
      expect(code, screen).toBe(0);
      expect(screen).toContain('[echo when the prompt was shown: off]');
      expect(screen).not.toContain('sk-typed-right-after-the-prompt-1717');
      await runCli(['keys', 'remove', 'cli-openai'], { home });
    },
  );
});
