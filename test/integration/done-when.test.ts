// The walking skeleton end to end, as a user runs it: keys through the CLI into the OS keychain,
// `switchboard serve`, the official `openai` client streaming through a route with a dead first
// target, and the call in `switchboard usage`.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadPort, startFakeProvider, type FakeProvider } from '../fake-provider';
import { runCli, startServe, type ServeProcess } from './cli-process';
import { lookUpInOsKeychain } from './os-keychain';

const hasKeyring = process.env.SWITCHBOARD_TEST_KEYRING === '1';
const apiKey = 'sk-local-test-9f8e7d6c5b4a';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

describe.skipIf(!hasKeyring)('Switchboard end to end (run under scripts/with-keyring.sh)', () => {
  let home: string;
  let fake: FakeProvider;
  let serve: ServeProcess;

  beforeAll(async () => {
    home = await mkdtemp(join(tmpdir(), 'switchboard-e2e-'));
    fake = await startFakeProvider();
    fake.setDefault({
      kind: 'text',
      text: 'Hello from the local model.',
      model: 'llama3.2',
      usage: { inputTokens: 12, outputTokens: 7 },
    });
    const config = {
      endpoints: [
        { id: 'dead', kind: 'openai-compatible', baseURL: `http://127.0.0.1:${await deadPort()}/v1` },
        {
          id: 'local',
          kind: 'openai-compatible',
          baseURL: `${fake.url}/v1`,
          prices: { 'llama3.2': { input: 0.1, output: 0.2 } },
        },
      ],
      routes: { fast: { targets: ['dead/llama3.2', 'local/llama3.2'] } },
    };
    await writeFile(join(home, 'config.json'), JSON.stringify(config, null, 2));
    const set = await runCli(['keys', 'set', 'local'], { home, stdin: `${apiKey}\n` });
    expect(set.stderr).not.toContain(apiKey);
    expect(set.code, set.stderr).toBe(0);
    serve = await startServe(home);
  });

  afterAll(async () => {
    await serve?.stop();
    await fake?.close();
    await runCli(['keys', 'remove', 'local'], { home });
    await rm(home, { recursive: true, force: true });
  });

  it('refuses API calls without the token', async () => {
    const response = await fetch(`${serve.apiBase}/models`);
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('invalid_api_key');
  });

  it('streams through the route with the official openai client, failing over from the dead target', async () => {
    const client = new OpenAI({ baseURL: serve.apiBase, apiKey: serve.token, maxRetries: 0 });
    const { data: stream, response } = await client.chat.completions
      .create({
        model: 'fast',
        messages: [{ role: 'user', content: 'Say hello' }],
        stream: true,
        stream_options: { include_usage: true },
      })
      .withResponse();
    expect(response.headers.get('x-switchboard-target')).toBe('local/llama3.2');
    let text = '';
    let usage: OpenAI.CompletionUsage | null | undefined;
    const models = new Set<string>();
    for await (const chunk of stream) {
      models.add(chunk.model);
      text += chunk.choices[0]?.delta.content ?? '';
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toBe('Hello from the local model.');
    expect([...models]).toEqual(['local/llama3.2']);
    expect(usage).toMatchObject({ prompt_tokens: 12, completion_tokens: 7, total_tokens: 19 });
    // The key from the keychain reached the provider, and only there.
    const upstream = fake.requests.at(-1)!;
    expect(upstream.headers.authorization).toBe(`Bearer ${apiKey}`);
  });

  it("answers non-streaming calls and lists models in OpenAI's schema", async () => {
    const client = new OpenAI({ baseURL: serve.apiBase, apiKey: serve.token, maxRetries: 0 });
    const models = await client.models.list();
    expect(models.data.map((model) => model.id)).toEqual(['fast', 'local/llama3.2']);
    fake.enqueue({
      kind: 'text',
      text: 'Not streamed.',
      model: 'llama3.2',
      usage: { inputTokens: 3, outputTokens: 2 },
    });
    const completion = await client.chat.completions.create({
      model: 'local/llama3.2',
      messages: [{ role: 'user', content: 'Hi' }],
    });
    expect(completion.choices[0]!.message.content).toBe('Not streamed.');
    expect(completion.model).toBe('local/llama3.2');
    expect(completion.usage).toMatchObject({ prompt_tokens: 3, completion_tokens: 2 });
  });

  it('reaches the client as an error, never a clean end, when the stream breaks after the first token', async () => {
    const client = new OpenAI({ baseURL: serve.apiBase, apiKey: serve.token, maxRetries: 0 });
    fake.enqueue({ kind: 'text', text: 'This will break off', deltas: 4, errorAfterDeltas: 2 });
    const stream = await client.chat.completions.create({
      model: 'local/llama3.2',
      messages: [{ role: 'user', content: 'Hi' }],
      stream: true,
    });
    let text = '';
    await expect(
      (async () => {
        for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
      })(),
    ).rejects.toThrow(/stopped mid-answer/);
    expect(text.length).toBeGreaterThan(0);
  });

  it('cancels the upstream request when the client hangs up, and records the call as cancelled', async () => {
    const client = new OpenAI({ baseURL: serve.apiBase, apiKey: serve.token, maxRetries: 0 });
    fake.enqueue({ kind: 'text', text: 'word '.repeat(100), deltas: 100, delayMs: 30 });
    const stream = await client.chat.completions.create({
      model: 'local/llama3.2',
      messages: [{ role: 'user', content: 'Talk for a while' }],
      stream: true,
    });
    for await (const chunk of stream) {
      if (chunk.choices[0]?.delta.content) break; // leaving the loop aborts the HTTP request
    }
    await fake.requests.at(-1)!.aborted;
    await expect
      .poll(
        async () => {
          const { stdout } = await runCli(['usage', '--format', 'json'], { home });
          return (JSON.parse(stdout) as { status: string; source: string }[])[0];
        },
        { timeout: 5000 },
      )
      .toMatchObject({ status: 'cancelled', source: 'api', requestedModel: 'local/llama3.2' });
  });

  it('answers an unknown model with 404 model_not_found', async () => {
    const client = new OpenAI({ baseURL: serve.apiBase, apiKey: serve.token, maxRetries: 0 });
    await expect(
      client.chat.completions.create({ model: 'gpt-5', messages: [{ role: 'user', content: 'Hi' }] }),
    ).rejects.toMatchObject({
      status: 404,
      code: 'model_not_found',
    });
  });

  it('shows the call in `switchboard usage` with tokens, time to first token and cost', async () => {
    const { code, stdout, stderr } = await runCli(['usage', '--format', 'json'], { home });
    expect(code, stderr).toBe(0);
    const rows = JSON.parse(stdout) as { requestedModel: string }[];
    const row = rows.find((entry) => entry.requestedModel === 'fast') as any; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(row).toMatchObject({ source: 'api', status: 'ok', requestedModel: 'fast', target: 'local/llama3.2' });
    expect(row.usage).toMatchObject({ inputTokens: 12, outputTokens: 7 });
    expect(row.timeToFirstTokenMs).toBeGreaterThan(0);
    expect(row.costUSD).toBeCloseTo((12 * 0.1 + 7 * 0.2) / 1e6, 12);
    expect(row.attempts.map((attempt: { target: string }) => attempt.target)).toEqual([
      'dead/llama3.2',
      'local/llama3.2',
    ]);
    expect(row.attempts[0].error.code).toBe('NETWORK');

    const table = await runCli(['usage'], { home });
    expect(table.stdout).toContain('local/llama3.2');
  });

  it('keeps the key in the OS keychain and nowhere in the data directory', async () => {
    expect(await lookUpInOsKeychain('local')).toBe(apiKey);
    const listed = await runCli(['keys', 'list'], { home });
    expect(listed.stdout).toMatch(/local\s+••••5b4a/);
    expect(listed.stdout).not.toContain(apiKey);
    for (const file of await filesUnder(home)) {
      expect((await readFile(file)).includes(apiKey), file).toBe(false);
    }
  });
});
