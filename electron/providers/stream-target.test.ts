import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EndpointKind } from '../../shared/types/config';
import { startFakeProvider, type FakeProvider } from '../../test/fake-provider';
import { createStreamTarget } from './stream-target';
import type { ProviderPart } from './types';

let fake: FakeProvider;
beforeAll(async () => {
  fake = await startFakeProvider();
});
afterAll(() => fake.close());

async function partsOf(kind: EndpointKind): Promise<ProviderPart[]> {
  const baseURL = `${fake.url}${kind === 'google' ? '/v1beta' : '/v1'}`;
  const parts: ProviderPart[] = [];
  const stream = await createStreamTarget()(
    { endpoint: { id: 'fake', kind, baseURL }, model: 'some-model', apiKey: 'sk-test-1234' },
    { messages: [{ role: 'user', content: 'Hi' }] },
  );
  for await (const part of stream) parts.push(part);
  return parts;
}

describe('running usage', () => {
  it("passes on the provider's running counts before a stream is cut", async () => {
    fake.enqueue({
      kind: 'text',
      text: 'An answer cut in the middle',
      deltas: 4,
      cutAfterDeltas: 2,
      usage: { inputTokens: 12, outputTokens: 34 },
    });
    const parts = await partsOf('google');
    expect(parts.at(-1)).toMatchObject({ type: 'error', error: { code: 'INTERRUPTED' } });
    expect(parts.filter((part) => part.type === 'usage').at(-1)).toMatchObject({
      usage: { inputTokens: 12, outputTokens: 34 },
    });
  });

  it("passes on Anthropic's prompt count from message_start", async () => {
    fake.enqueue({
      kind: 'text',
      text: 'Cut short',
      deltas: 3,
      cutAfterDeltas: 1,
      usage: { inputTokens: 12, outputTokens: 34 },
    });
    const parts = await partsOf('anthropic');
    const usage = parts.filter((part) => part.type === 'usage');
    expect(usage).toHaveLength(1);
    expect(usage[0]).toMatchObject({ usage: { inputTokens: 12, outputTokens: 1 } });
  });
});
