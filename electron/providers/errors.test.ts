import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EndpointKind } from '../../shared/types/config';
import { capturesDir, deadPort, startFakeProvider, type FakeProvider } from '../../test/fake-provider';
import { geminiKeyInvalidBody } from '../../test/fake-provider/key-echoes';
import { ProviderError } from './provider-error';
import { createStreamTarget } from './stream-target';
import type { ProviderPart, ProviderTarget } from './types';

let fake: FakeProvider;
beforeAll(async () => {
  fake = await startFakeProvider();
});
afterAll(() => fake.close());

const apiKey = 'sk-secret-key-do-not-leak-1234';
const target = (
  kind: EndpointKind = 'openai-compatible',
  baseURL = `${fake.url}${kind === 'google' ? '/v1beta' : '/v1'}`,
): ProviderTarget => ({
  endpoint: { id: 'fake', kind, baseURL },
  model: 'some-model',
  apiKey,
});
const messages = [{ role: 'user' as const, content: 'Hi' }];

async function failure(run: Promise<AsyncIterable<ProviderPart>>): Promise<ProviderError> {
  try {
    for await (const part of await run) if (part.type === 'error') return part.error;
  } catch (error) {
    return error as ProviderError;
  }
  throw new Error('expected a failure');
}

describe('provider errors', () => {
  const stream = createStreamTarget({ timeoutMs: 500 });

  it.each([
    [401, 'PROVIDER_AUTH', true],
    [403, 'PROVIDER_AUTH', true],
    [404, 'PROVIDER_NOT_FOUND', true],
    [408, 'TIMEOUT', true],
    [409, 'PROVIDER_UNAVAILABLE', true],
    [429, 'PROVIDER_RATE_LIMITED', true],
    [500, 'PROVIDER_UNAVAILABLE', true],
    [503, 'PROVIDER_UNAVAILABLE', true],
    [529, 'PROVIDER_UNAVAILABLE', true],
    [400, 'PROVIDER_BAD_REQUEST', false],
  ] as const)('maps HTTP %i to %s (retryable: %s)', async (status, code, isRetryable) => {
    fake.enqueue({
      kind: 'http-error',
      status,
      body: { error: { message: `status ${status} for key ${apiKey}`, type: 'x' } },
    });
    const error = await failure(stream(target(), { messages }));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code, status, isRetryable });
    expect(error.message).toContain(`fake answered ${status}`);
    expect(error.message).not.toContain(apiKey);
  });

  it('names the fix for a rejected key', async () => {
    fake.enqueue({
      kind: 'http-error',
      status: 401,
      body: { type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } },
    });
    const error = await failure(stream(target('anthropic'), { messages }));
    expect(error.message).toBe(
      'fake answered 401: invalid x-api-key: check the key for fake (in Settings or with `switchboard keys set fake`)',
    );
  });

  it('hides a key the provider echoed half-masked', async () => {
    const masked = `${apiKey.slice(0, 8)}${'*'.repeat(20)}${apiKey.slice(-4)}`;
    fake.enqueue({
      kind: 'http-error',
      status: 401,
      body: {
        error: {
          message: `Incorrect API key provided: ${masked}. You can find your API key at https://platform.openai.com/account/api-keys.`,
          code: 'invalid_api_key',
        },
      },
    });
    const error = await failure(stream(target('openai'), { messages }));
    expect(error.message).toContain(
      'Incorrect API key provided: [redacted key]. You can find your API key at https://platform.openai.com/account/api-keys. Check the key for fake',
    );
    expect(error.message).not.toContain(apiKey.slice(0, 8));
  });

  it("takes Gemini's 400 API_KEY_INVALID for a rejected key: fails over and names the fix", async () => {
    fake.enqueue({ kind: 'http-error', status: 400, body: geminiKeyInvalidBody });
    const error = await failure(stream(target('google'), { messages }));
    expect(error).toMatchObject({ code: 'PROVIDER_AUTH', status: 400, isRetryable: true });
    expect(error.message).toBe(
      'fake answered 400: API key not valid. Please pass a valid API key. Check the key for fake (in Settings or with `switchboard keys set fake`)',
    );
  });

  it('keeps other Gemini 400s bad requests', async () => {
    fake.enqueue({
      kind: 'http-error',
      status: 400,
      body: { error: { code: 400, message: 'Invalid JSON payload received.', status: 'INVALID_ARGUMENT' } },
    });
    const error = await failure(stream(target('google'), { messages }));
    expect(error).toMatchObject({ code: 'PROVIDER_BAD_REQUEST', isRetryable: false });
  });

  it('reads retry-after and Gemini RetryInfo', async () => {
    fake.enqueue({
      kind: 'http-error',
      status: 429,
      body: { error: { message: 'slow down' } },
      headers: { 'retry-after': '7' },
    });
    expect((await failure(stream(target(), { messages }))).retryAfterMs).toBe(7000);
    const body = readFileSync(resolve(capturesDir, 'google/google-429-retry-info.json'), 'utf8');
    fake.enqueue({ kind: 'http-error', status: 429, body });
    const error = await failure(stream(target('google'), { messages }));
    expect(error).toMatchObject({ code: 'PROVIDER_RATE_LIMITED', providerType: 'RESOURCE_EXHAUSTED' });
    expect(error.retryAfterMs).toBeGreaterThan(0);
  });

  it('reports captured invalid-parameter bodies as bad requests', async () => {
    for (const file of [
      'openai-chat/reasoning-model-legacy-parameter-error.json',
      'openai-responses/reasoning-model-temperature-error.json',
    ]) {
      const body = readFileSync(resolve(capturesDir, file), 'utf8');
      fake.enqueue({ kind: 'http-error', status: 400, body });
      const error = await failure(
        stream(target(file.startsWith('openai-responses') ? 'openai' : 'openai-compatible'), { messages }),
      );
      expect(error).toMatchObject({ code: 'PROVIDER_BAD_REQUEST', isRetryable: false });
      expect(error.message).toContain((JSON.parse(body) as { error: { message: string } }).error.message);
    }
  });

  it('reports a refused connection', async () => {
    const port = await deadPort();
    const error = await failure(stream(target('openai-compatible', `http://127.0.0.1:${port}/v1`), { messages }));
    expect(error).toMatchObject({ code: 'NETWORK', isRetryable: true });
    expect(error.message).toBe('fake could not be reached: connection refused (is the server running?)');
  });

  it('reports a reset connection', async () => {
    fake.enqueue({ kind: 'reset' });
    expect(await failure(stream(target(), { messages }))).toMatchObject({ code: 'NETWORK', isRetryable: true });
  });

  it('gives up on a provider that never answers', async () => {
    fake.enqueue({ kind: 'hang' });
    expect(await failure(stream(target(), { messages }))).toMatchObject({
      code: 'TIMEOUT',
      message: 'fake did not answer in time',
    });
  });

  it.each(['openai-compatible', 'anthropic', 'google', 'openai'] as const)(
    'marks a %s stream cut before its end as interrupted',
    async (kind) => {
      fake.enqueue({ kind: 'text', text: 'A long answer that will not finish', deltas: 6, cutAfterDeltas: 3 });
      let text = '';
      let error: ProviderError | undefined;
      for await (const part of await stream(target(kind), { messages })) {
        if (part.type === 'text-delta') text += part.text;
        if (part.type === 'error') error = part.error;
        expect(part.type).not.toBe('finish');
      }
      expect(text.length).toBeGreaterThan(0);
      expect(error).toMatchObject({ code: 'INTERRUPTED' });
    },
  );

  it('turns an error event after text into an error part', async () => {
    fake.enqueue({ kind: 'text', text: 'Partial answer here', deltas: 4, errorAfterDeltas: 2 });
    const parts: ProviderPart[] = [];
    for await (const part of await stream(target('anthropic'), { messages })) parts.push(part);
    expect(parts.filter((part) => part.type === 'text-delta').length).toBe(2);
    expect(parts.at(-1)).toMatchObject({
      type: 'error',
      error: { code: 'PROVIDER_STREAM_ERROR', providerType: 'overloaded_error' },
    });
  });

  it('aborts the upstream request when cancelled', async () => {
    fake.enqueue({ kind: 'text', text: 'word '.repeat(50), deltas: 50, delayMs: 50 });
    const controller = new AbortController();
    const parts = await stream(target(), { messages, abortSignal: controller.signal });
    const iterator = parts[Symbol.asyncIterator]();
    await iterator.next();
    controller.abort();
    await Promise.race([iterator.next(), new Promise((done) => setTimeout(done, 200))]);
    await expect(
      Promise.race([
        fake.requests.at(-1)!.aborted.then(() => 'closed'),
        new Promise((done) => setTimeout(() => done('open'), 2000)),
      ]),
    ).resolves.toBe('closed');
  });

  it('sends each provider its own auth header', async () => {
    const cases = [
      ['openai-compatible', 'authorization', `Bearer ${apiKey}`],
      ['openai', 'authorization', `Bearer ${apiKey}`],
      ['anthropic', 'x-api-key', apiKey],
      ['google', 'x-goog-api-key', apiKey],
    ] as const;
    for (const [kind, header, value] of cases) {
      fake.enqueue({ kind: 'text', text: 'ok' });
      for await (const _part of await stream(target(kind), { messages })) void _part;
      expect(fake.requests.at(-1)!.headers[header]).toBe(value);
    }
    expect(fake.requests.at(-4)!.body.stream_options).toEqual({ include_usage: true });
  });
});
