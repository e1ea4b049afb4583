import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { endpointKinds, type EndpointKind } from '../../shared/types/config';
import { startFakeProvider, type FakeProvider } from '../../test/fake-provider';
import { ProviderError } from './provider-error';
import { createProviderFetch } from './provider-fetch';
import { createStreamTarget } from './stream-target';
import type { ProviderTarget } from './types';

// The provider on one port, and a host on another port (another origin) that records whatever reaches it.
let provider: FakeProvider;
let elsewhere: FakeProvider;
beforeAll(async () => {
  [provider, elsewhere] = await Promise.all([startFakeProvider(), startFakeProvider()]);
});
afterAll(() => Promise.all([provider.close(), elsewhere.close()]));
beforeEach(() => {
  provider.clearQueue();
  elsewhere.requests.length = 0;
});

const apiKey = 'sk-redirect-test-5e1d9b7a3c4f2e60';
const target = (kind: EndpointKind): ProviderTarget => ({
  endpoint: { id: 'moved', kind, baseURL: `${provider.url}${kind === 'google' ? '/v1beta' : '/v1'}` },
  model: 'some-model',
  apiKey,
});
const messages = [{ role: 'user' as const, content: 'Hi' }];
const stream = createStreamTarget({ timeoutMs: 2000 });

async function outcome(kind: EndpointKind): Promise<{ text: string; error?: ProviderError }> {
  let text = '';
  try {
    for await (const part of await stream(target(kind), { messages })) {
      if (part.type === 'text-delta') text += part.text;
      if (part.type === 'error') return { text, error: part.error };
    }
  } catch (error) {
    return { text, error: error as ProviderError };
  }
  return { text };
}

describe('redirects', () => {
  const statuses = [301, 302, 303, 307, 308] as const;
  it.each(endpointKinds.flatMap((kind) => statuses.map((status) => [kind, status] as const)))(
    'a %s endpoint answering %i to another origin: the key never leaves, the call fails over with the fix',
    async (kind, status) => {
      provider.enqueue({ kind: 'redirect', status, location: `${elsewhere.url}/v1/collect?from=${status}` });
      const { error } = await outcome(kind);
      expect(elsewhere.requests).toEqual([]);
      expect(error).toBeInstanceOf(ProviderError);
      expect(error).toMatchObject({ code: 'PROVIDER_NOT_FOUND', status, isRetryable: true });
      expect(error!.message).toBe(
        `moved answered with a redirect to ${elsewhere.url}; Switchboard does not follow redirects with your key: ` +
          "set the endpoint's base URL to the final address",
      );
    },
  );

  it.each(endpointKinds)('a %s endpoint redirecting within its own origin is refused the same way', async (kind) => {
    const before = provider.requests.length;
    provider.enqueue({ kind: 'redirect', status: 308, location: '/v2/elsewhere' });
    const { error } = await outcome(kind);
    expect(provider.requests.length).toBe(before + 1);
    expect(error).toMatchObject({ code: 'PROVIDER_NOT_FOUND', status: 308 });
    expect(error!.message).toContain(`moved answered with a redirect to ${provider.url};`);
  });
});

describe('the hop header', () => {
  it.each(endpointKinds)('marks every %s request as sent by Switchboard', async (kind) => {
    provider.enqueue({ kind: 'text', text: 'Hello.' });
    const { text, error } = await outcome(kind);
    expect(error).toBeUndefined();
    expect(text).toBe('Hello.');
    expect(provider.requests.at(-1)!.headers['x-switchboard-hop']).toBe('1');
  });
});

describe('a response larger than Switchboard reads', () => {
  it('fails once more than the limit has come, whatever the body holds', async () => {
    const { createServer } = await import('node:http');
    const line = Buffer.alloc(256 * 1024, 'a');
    let isClosed = false;
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.on('close', () => (isClosed = true));
      // One endless line with no newline: nothing a parser could hand on as text.
      const pump = () => {
        while (!response.destroyed && response.write(line));
        if (!response.destroyed) response.once('drain', pump);
      };
      pump();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as import('node:net').AddressInfo;
    try {
      const fetch = createProviderFetch(
        { endpoint: { id: 'huge', kind: 'openai-compatible' }, apiKey },
        undefined,
        1024 * 1024,
      );
      const response = await fetch(`http://127.0.0.1:${port}/v1/chat/completions`);
      let received = 0;
      const read = async () => {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) received += chunk.byteLength;
      };
      const error = await read().then(
        () => undefined,
        (reason: unknown) => reason,
      );
      expect(error).toBeInstanceOf(ProviderError);
      expect((error as ProviderError).code).toBe('ANSWER_TOO_LARGE');
      expect((error as ProviderError).message).toContain('huge sent more than 1 MiB');
      expect(received).toBeLessThanOrEqual(1024 * 1024);
      await expect.poll(() => isClosed).toBe(true);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
