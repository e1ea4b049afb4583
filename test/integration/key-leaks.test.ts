// Keys against providers that echo them or redirect elsewhere, through the real core: OS keychain, gateway,
// SQLite history, `switchboard usage`. The key bytes must appear nowhere but in the request to their endpoint.
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { endpointKinds, type EndpointKind } from '../../shared/types/config';
import type { CallPart } from '../../shared/types/chat';
import { runUsage } from '../../electron/cli/usage-command';
import { createServices, type Services } from '../../electron/core/services';
import { createKeytarKeychain } from '../../electron/keychain/keytar-keychain';
import { createStreamTarget } from '../../electron/providers/stream-target';
import { startFakeProvider, type FakeProvider } from '../fake-provider';
import {
  geminiKeyInvalidBody,
  httpErrorsEchoingKey,
  keyTraces,
  kindsOf,
  streamErrorsEchoingKey,
} from '../fake-provider/key-echoes';
import type { WireFormat } from '../fake-provider/wire-format';

const hasKeyring = process.env.SWITCHBOARD_TEST_KEYRING === '1';
const keychain = createKeytarKeychain();
const keys = Object.fromEntries(
  endpointKinds.map((kind) => [kind, `sk-${kind}-${randomBytes(12).toString('hex')}`]),
) as Record<EndpointKind, string>;
const everyTrace = Object.values(keys).flatMap(keyTraces);
const endpointOf = (kind: EndpointKind) => `leak-${kind}`;

let home: string;
let echoing: FakeProvider;
let elsewhere: FakeProvider;
let good: FakeProvider;
let services: Services;
const consoleLines: string[] = [];

function expectNoTrace(text: string, where: string) {
  for (const trace of everyTrace) expect(text.includes(trace), `${trace} in ${where}`).toBe(false);
}

async function run(modelId: string) {
  const parts: CallPart[] = [];
  for await (const part of services.gateway.stream({
    modelId,
    messages: [{ role: 'user', content: 'Hi' }],
    source: 'api',
  })) {
    parts.push(part);
  }
  const last = parts.at(-1)!;
  if (last.type !== 'finish' && last.type !== 'error') throw new Error('no terminal part');
  const text = parts.flatMap((part) => (part.type === 'text-delta' ? [part.text] : [])).join('');
  return { parts, last, text, record: last.record };
}

describe.skipIf(!hasKeyring)('keys against echoing and redirecting providers (run under with-keyring.sh)', () => {
  beforeAll(async () => {
    for (const method of ['error', 'warn', 'log', 'info', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void consoleLines.push(format(...args)));
    }
    home = await mkdtemp(join(tmpdir(), 'switchboard-key-leaks-'));
    [echoing, elsewhere, good] = await Promise.all([startFakeProvider(), startFakeProvider(), startFakeProvider()]);
    const config = {
      endpoints: [
        ...endpointKinds.map((kind) => ({
          id: endpointOf(kind),
          kind,
          baseURL: `${echoing.url}${kind === 'google' ? '/v1beta' : '/v1'}`,
        })),
        { id: 'good', kind: 'openai-compatible', baseURL: `${good.url}/v1` },
      ],
      routes: Object.fromEntries(
        endpointKinds.map((kind) => [`then-good-${kind}`, { targets: [`${endpointOf(kind)}/m`, 'good/m'] }]),
      ),
    };
    await writeFile(join(home, 'config.json'), JSON.stringify(config));
    for (const kind of endpointKinds) await keychain.set(endpointOf(kind), keys[kind]);
    // Each target here fails call after call on purpose: no bench (routing.test.ts tests benching).
    const routing = { health: { failuresToBench: Number.POSITIVE_INFINITY } };
    services = createServices({
      dataDir: home,
      keychain,
      streamTarget: createStreamTarget({ timeoutMs: 2000 }),
      routing,
    });
  });
  afterAll(async () => {
    services?.dispose();
    for (const kind of endpointKinds) await keychain.remove(endpointOf(kind));
    await Promise.all([echoing?.close(), elsewhere?.close(), good?.close()]);
    await rm(home, { recursive: true, force: true });
    vi.restoreAllMocks();
  });
  beforeEach(() => {
    echoing.clearQueue();
    echoing.setDefault({ kind: 'text', text: 'from the echoing provider' });
    good.setDefault({ kind: 'text', text: 'from good' });
  });

  const formats: WireFormat[] = ['openai-chat', 'openai-responses', 'anthropic', 'google'];
  const cases = formats.flatMap((wire) =>
    kindsOf[wire].flatMap((kind) =>
      [...streamErrorsEchoingKey(wire, keys[kind]), ...httpErrorsEchoingKey(keys[kind])].map((echo) => ({
        label: `${kind}: ${echo.name}`,
        kind,
        response: echo.response,
      })),
    ),
  );

  it.each(cases)('$label: the error part and the usage row say what failed, without the key', async (call) => {
    // The default, so a retry of the same target meets the same answer.
    echoing.setDefault(call.response);
    const { parts, last, record } = await run(`${endpointOf(call.kind)}/m`);
    expect(last.type).toBe('error');
    expect((last as { message: string }).message).toContain(endpointOf(call.kind));
    expect((last as { message: string }).message).toContain('[redacted key]');
    expectNoTrace(JSON.stringify(parts), 'the parts');
    expectNoTrace(JSON.stringify(services.store.listUsage({ limit: 1 })), 'the stored row');
    expect(services.store.listUsage({ limit: 1 })[0]!.id).toBe(record.id);
  });

  it.each(endpointKinds)(
    'a %s endpoint redirecting to another host: no request there, the next target answers',
    async (kind) => {
      echoing.enqueue({ kind: 'redirect', status: 307, location: `${elsewhere.url}/collect` });
      const { text, record } = await run(`then-good-${kind}`);
      expect(elsewhere.requests).toEqual([]);
      expect(text).toBe('from good');
      expect(record.attempts[0]!.error).toMatchObject({ code: 'PROVIDER_NOT_FOUND', status: 307 });
      expect(record.attempts[0]!.error!.message).toBe(
        `${endpointOf(kind)} answered with a redirect to ${elsewhere.url}; Switchboard does not follow redirects ` +
          "with your key: set the endpoint's base URL to the final address",
      );
    },
  );

  it("takes Gemini's 400 API_KEY_INVALID for a rejected key and moves on to the next target", async () => {
    echoing.enqueue({ kind: 'http-error', status: 400, body: geminiKeyInvalidBody });
    const { text, record } = await run('then-good-google');
    expect(text).toBe('from good');
    expect(record.attempts[0]!.error).toMatchObject({ code: 'PROVIDER_AUTH', status: 400 });
    expect(record.attempts[0]!.error!.message).toContain('Check the key for leak-google');
  });

  it('leaves no trace of any key in the history files, `switchboard usage` or the console', async () => {
    const rows = services.store.listUsage({ limit: 10_000 });
    expect(rows.length).toBeGreaterThanOrEqual(cases.length);
    expectNoTrace(JSON.stringify(rows), 'listUsage');

    for (const usageFormat of ['json', 'csv', 'table']) {
      let printed = '';
      const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
        printed += String(chunk);
        return true;
      });
      try {
        expect(await runUsage(home, ['--format', usageFormat])).toBe(0);
      } finally {
        write.mockRestore();
      }
      expect(printed).toContain('leak-');
      expectNoTrace(printed, `usage --format ${usageFormat}`);
    }
    expect(rows.some((row) => JSON.stringify(row).includes('[redacted key]'))).toBe(true);

    const entries = await readdir(home, { withFileTypes: true, recursive: true });
    const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
    expect(files.some((file) => file.endsWith('-wal'))).toBe(true);
    for (const file of files) {
      const bytes = await readFile(file);
      for (const trace of everyTrace) expect(bytes.includes(trace), `${trace} in ${file}`).toBe(false);
    }

    expectNoTrace(consoleLines.join('\n'), 'the console');
  });
});
