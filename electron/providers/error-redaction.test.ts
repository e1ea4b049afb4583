// Every way provider text becomes a ProviderError, in every wire format, with the key echoed in every field.
import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EndpointKind } from '../../shared/types/config';
import { startFakeProvider, type FakeProvider, type FakeResponse } from '../../test/fake-provider';
import { httpErrorsEchoingKey, keyTraces, kindsOf, streamErrorsEchoingKey } from '../../test/fake-provider/key-echoes';
import type { WireFormat } from '../../test/fake-provider/wire-format';
import { ProviderError } from './provider-error';
import { createStreamTarget } from './stream-target';

let fake: FakeProvider;
beforeAll(async () => {
  fake = await startFakeProvider();
});
afterAll(() => fake.close());
beforeEach(() => fake.clearQueue());

const apiKey = 'sk-echo-7Hq2Vn5Rk9Lw3Mz8Tb4Xc6Pd';
const stream = createStreamTarget({ timeoutMs: 2000 });

async function failure(kind: EndpointKind, response: FakeResponse): Promise<ProviderError> {
  fake.enqueue(response);
  const target = {
    endpoint: { id: 'echoing', kind, baseURL: `${fake.url}${kind === 'google' ? '/v1beta' : '/v1'}` },
    model: 'some-model',
    apiKey,
  };
  try {
    for await (const part of await stream(target, { messages: [{ role: 'user', content: 'Hi' }] })) {
      if (part.type === 'error') return part.error;
    }
  } catch (error) {
    return error as ProviderError;
  }
  throw new Error('expected a failure');
}

/** Everything anyone could print of the error: message, fields, stack and the cause chain. */
const everything = (error: ProviderError) =>
  [inspect(error, { depth: Infinity, showHidden: true }), JSON.stringify(error), error.stack].join('\n');

const formats: WireFormat[] = ['openai-chat', 'openai-responses', 'anthropic', 'google'];
const cases = formats.flatMap((format) =>
  [...streamErrorsEchoingKey(format, apiKey), ...httpErrorsEchoingKey(apiKey)].flatMap((echo) =>
    kindsOf[format].map((kind) => ({ label: `${format}: ${echo.name} (${kind})`, kind, response: echo.response })),
  ),
);

describe('errors that echo the key', () => {
  it.each(cases)('$label leaves no trace of the key', async ({ kind, response }) => {
    const error = await failure(kind, response);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error.message).toMatch(/^echoing /);
    expect(error.message).toContain('[redacted key]');
    for (const trace of keyTraces(apiKey)) expect(everything(error)).not.toContain(trace);
  });
});
