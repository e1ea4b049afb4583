// Every capture in test/fixtures/providers, replayed byte-split through the fake provider and
// the adapter of its kind, must report exactly what expected.json says.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EndpointKind } from '../../shared/types/config';
import { loadCapture, loadExpected, startFakeProvider, type FakeProvider } from '../../test/fake-provider';
import type { ProviderError } from './provider-error';
import { createStreamTarget } from './stream-target';
import type { ProviderPart } from './types';

const kinds: Record<string, { kind: EndpointKind; basePath: string }> = {
  anthropic: { kind: 'anthropic', basePath: '/v1' },
  'openai-chat': { kind: 'openai-compatible', basePath: '/v1' },
  'openai-compatible': { kind: 'openai-compatible', basePath: '/v1' },
  'openai-responses': { kind: 'openai', basePath: '/v1' },
  google: { kind: 'google', basePath: '/v1beta' },
};

let fake: FakeProvider;
beforeAll(async () => {
  fake = await startFakeProvider();
});
afterAll(() => fake.close());

export async function collect(parts: AsyncIterable<ProviderPart>) {
  const result = {
    text: '',
    reasoning: '',
    model: undefined as string | undefined,
    finish: undefined as ProviderPart | undefined,
    error: undefined as ProviderPart | undefined,
  };
  for await (const part of parts) {
    if (part.type === 'text-delta') result.text += part.text;
    if (part.type === 'reasoning-delta') result.reasoning += part.text;
    if (part.type === 'response-metadata' && part.modelId) result.model ??= part.modelId;
    if (part.type === 'finish') result.finish = part;
    if (part.type === 'error') result.error = part;
  }
  return result;
}

describe('adapters on the recorded captures', () => {
  const stream = createStreamTarget();
  const expected = loadExpected();
  it.each(Object.keys(expected))('%s', async (name) => {
    const want = expected[name]!;
    const folder = name.split('/')[0]!;
    const { kind, basePath } = kinds[folder]!;
    fake.enqueue({ kind: 'replay', chunks: loadCapture(name), split: 'random', crlf: folder === 'google' });
    // An error event before any text may surface as the call's own failure or as an error part.
    const got = await stream(
      {
        endpoint: { id: `fake-${kind}`, kind, baseURL: `${fake.url}${basePath}` },
        model: want.model,
        apiKey: 'sk-test-key',
      },
      { messages: [{ role: 'user', content: 'Hello' }] },
    ).then(collect, (error: ProviderError) => ({
      text: '',
      reasoning: '',
      model: undefined,
      finish: undefined,
      error: { type: 'error', error } as ProviderPart,
    }));
    expect(got.text).toBe(want.text);
    expect(got.reasoning).toBe(want.reasoning);
    if (want.error) {
      expect(got.finish).toBeUndefined();
      const { error } = got.error as Extract<ProviderPart, { type: 'error' }>;
      expect(error.providerType).toBe(want.error.type);
      expect(error.message).toContain(want.error.message);
      expect(error.isRetryable).toBe(true);
      return;
    }
    expect(got.error).toBeUndefined();
    expect(got.finish).toMatchObject({ finishReason: want.finish, usage: want.usage });
    const finish = got.finish as Extract<ProviderPart, { type: 'finish' }>;
    expect(finish.servedModel ?? got.model).toBe(want.model);
  });
});
