// What each provider receives for a system prompt, a temperature and an output limit, on its own wire format.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EndpointKind } from '../../shared/types/config';
import { startFakeProvider, type FakeProvider } from '../../test/fake-provider';
import { createStreamTarget } from './stream-target';

let fake: FakeProvider;
beforeAll(async () => {
  fake = await startFakeProvider();
});
afterAll(() => fake.close());

const messages = [
  { role: 'system' as const, content: 'Answer in French.' },
  { role: 'user' as const, content: 'Hello' },
];

async function sentBody(kind: EndpointKind) {
  const stream = createStreamTarget({ timeoutMs: 2000 });
  const baseURL = `${fake.url}${kind === 'google' ? '/v1beta' : '/v1'}`;
  const parts = await stream(
    { endpoint: { id: 'fake', kind, baseURL }, model: 'some-model', apiKey: 'sk-test-1234' },
    { messages, temperature: 0.3, maxOutputTokens: 77, topP: 0.9, stopSequences: ['END'], seed: 7 },
  );
  for await (const part of parts) if (part.type === 'error') throw part.error;
  return fake.requests.at(-1)!.body;
}

describe('call settings on the wire', () => {
  it.each(['openai-compatible', 'openrouter', 'vercel'] as const)('%s: Chat Completions fields', async (kind) => {
    const body = await sentBody(kind);
    expect(body).toMatchObject({ temperature: 0.3, max_tokens: 77, top_p: 0.9, stop: ['END'], seed: 7 });
    expect(body.messages[0]).toEqual({ role: 'system', content: 'Answer in French.' });
  });

  it('openai: Responses fields', async () => {
    const body = await sentBody('openai');
    expect(body).toMatchObject({ temperature: 0.3, max_output_tokens: 77 });
    expect(JSON.stringify(body.input)).toContain('Answer in French.');
  });

  it('anthropic: a top-level system and max_tokens', async () => {
    const body = await sentBody('anthropic');
    expect(body).toMatchObject({ temperature: 0.3, max_tokens: 77, stop_sequences: ['END'] });
    expect(JSON.stringify(body.system)).toContain('Answer in French.');
  });

  it('google: generationConfig and systemInstruction', async () => {
    const body = await sentBody('google');
    expect(body.generationConfig).toMatchObject({ temperature: 0.3, maxOutputTokens: 77, topP: 0.9, seed: 7 });
    expect(JSON.stringify(body.systemInstruction)).toContain('Answer in French.');
  });
});
