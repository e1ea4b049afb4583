// A local API call's answer is whole before the call is priced and its usage row written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../test/fake-provider';
import { createPricer } from '../catalog/pricer';
import { createStreamTarget } from '../providers/stream-target';
import { createGateway } from './gateway';

let fake: FakeProvider;
beforeAll(async () => {
  fake = await startFakeProvider();
});
afterAll(() => fake.close());

describe('a local API call', () => {
  it.each([true, false])('ends its answer before pricing and recording (streaming: %s)', async (isStream) => {
    const order: string[] = [];
    const pricer = createPricer();
    const endpoint = { id: 'fake', kind: 'openai-compatible' as const, baseURL: `${fake.url}/v1` };
    const gateway = createGateway({
      resolve: () => ({ targets: [{ endpoint, model: 'm', target: 'fake/m' }] }),
      getKey: async () => undefined,
      streamTarget: createStreamTarget(),
      price: (input) => {
        order.push('price');
        return pricer(input);
      },
      record: () => order.push('record'),
    });
    fake.enqueue({ kind: 'text', text: 'Whole answer.', usage: { inputTokens: 3, outputTokens: 2 } });
    const body = { model: 'fake/m', messages: [{ role: 'user', content: 'Hi' }], stream: isStream };
    for await (const part of gateway.stream({
      modelId: 'fake/m',
      messages: [],
      source: 'api',
      api: { protocol: 'openai-chat', body, isStream, forwardHeaders: {} },
    })) {
      order.push(part.type);
    }
    expect(order.slice(order.indexOf('answer-end'))).toEqual(['answer-end', 'price', 'record', 'finish']);
    expect(order.filter((step) => step === 'wire-event').length).toBeGreaterThan(0);
  });
});
