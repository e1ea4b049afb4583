// The pass-through path against the recorded captures and a fake provider speaking each wire format.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EndpointKind } from '../../../shared/types/config';
import { loadCapture, loadExpected, startFakeProvider, type FakeProvider } from '../../../test/fake-provider';
import type { ApiCall, ClientProtocol } from '../../protocols/types';
import type { ProviderError } from '../provider-error';
import { createStreamTarget } from '../stream-target';
import type { ProviderPart } from '../types';
import { SseSplitter } from './sse-splitter';

const folders: Record<string, { kind: EndpointKind; protocol: ClientProtocol }> = {
  anthropic: { kind: 'anthropic', protocol: 'anthropic' },
  'openai-chat': { kind: 'openai-compatible', protocol: 'openai-chat' },
  'openai-compatible': { kind: 'openai-compatible', protocol: 'openai-chat' },
  'openai-responses': { kind: 'openai', protocol: 'openai-responses' },
};

let fake: FakeProvider;
beforeAll(async () => {
  fake = await startFakeProvider();
});
afterAll(() => fake.close());
beforeEach(() => fake.clearQueue());

const stream = createStreamTarget();

function call(protocol: ClientProtocol, body: Record<string, unknown>, forwardHeaders = {}): ApiCall {
  return { protocol, body, isStream: body.stream === true, forwardHeaders };
}

async function run(kind: EndpointKind, api: ApiCall, model = 'm', key: string | null = 'sk-test-key') {
  const endpoint = { id: 'fake', kind, baseURL: `${fake.url}/v1` };
  const apiKey = key ?? undefined;
  const parts: ProviderPart[] = [];
  try {
    for await (const part of await stream({ endpoint, model, apiKey }, { messages: [], api })) parts.push(part);
  } catch (error) {
    parts.push({ type: 'error', error: error as ProviderError });
  }
  const wire = parts.filter((part) => part.type === 'wire-event');
  const textOf = (content: string) =>
    wire.flatMap((part) => (part.content === content ? [part.text ?? ''] : [])).join('');
  return {
    parts,
    wire,
    text: textOf('text'),
    reasoning: textOf('reasoning'),
    finish: parts.find((part) => part.type === 'finish'),
    error: parts.find((part) => part.type === 'error')?.error,
  };
}

/** The payloads a client receives: every forwarded event, split back out of its SSE text. */
function payloads(wire: { data: string }[]): string[] {
  const splitter = new SseSplitter();
  return wire.flatMap((part) => splitter.push(part.data).map((event) => event.data));
}

describe('pass-through on the recorded captures', () => {
  const expected = loadExpected();
  const names = Object.keys(expected).filter((name) => folders[name.split('/')[0]!]);
  it.each(names)('%s', async (name) => {
    const want = expected[name]!;
    const { kind, protocol } = folders[name.split('/')[0]!]!;
    const chunks = loadCapture(name);
    fake.enqueue({ kind: 'replay', chunks, split: 'random' });
    const got = await run(kind, call(protocol, { model: 'route', messages: [], stream: true }), want.model);
    expect(got.text).toBe(want.text);
    expect(got.reasoning).toBe(want.reasoning);
    if (want.error) {
      expect(got.finish).toBeUndefined();
      expect(got.error!.providerType).toBe(want.error.type);
      expect(got.error!.message).toContain(want.error.message);
      expect(got.error!.isRetryable).toBe(true);
      return;
    }
    expect(got.error).toBeUndefined();
    expect(got.finish).toMatchObject({ finishReason: want.finish, usage: want.usage, servedModel: want.model });
    // Every event reaches the client as the provider sent it, but for the usage chunk only Switchboard
    // asked for, pings before the answer, and the response's `model`, which names the target.
    const isPing = (payload: string) => payload === '{"type":"ping"}';
    const naming = (payload: string) => {
      const event = JSON.parse(payload);
      const named = typeof event.model === 'string' || event.message?.model || event.response?.model;
      return named ? payload.replace(/"model":"[^"]*"/, `"model":"fake/${want.model}"`) : payload;
    };
    const sent = chunks
      .filter((chunk) => !(protocol === 'openai-chat' && /"choices":\[\]/.test(chunk) && /"usage":\{/.test(chunk)))
      .filter((chunk) => !isPing(chunk))
      .map(naming);
    const received = payloads(got.wire).filter((payload) => payload !== '[DONE]');
    expect(received.filter((payload) => !isPing(payload))).toEqual(sent);
    const firstContent = got.wire.findIndex((part) => part.content !== undefined);
    expect(got.wire.slice(0, firstContent).some((part) => part.data.includes('"type":"ping"'))).toBe(false);
  });
});

describe('what reaches the provider', () => {
  it('Chat Completions: the body as sent with only the model rewritten, and usage asked for when streaming', async () => {
    const tools = [{ type: 'function', function: { name: 'lookup', parameters: { type: 'object' }, strict: true } }];
    const body = { model: 'fast', messages: [{ role: 'user', content: 'Hi' }], tools, some_new_field: { x: 1 } };
    await run('openai-compatible', call('openai-chat', body));
    const whole = fake.requests.at(-1)!;
    expect(whole.path).toBe('/v1/chat/completions');
    expect(whole.body).toEqual({ ...body, model: 'm' });
    expect(whole.headers.authorization).toBe('Bearer sk-test-key');
    expect(whole.headers['x-switchboard-hop']).toBe('1');

    await run('openai-compatible', call('openai-chat', { ...body, stream: true, stream_options: { x: 2 } }));
    expect(fake.requests.at(-1)!.body).toEqual({
      ...body,
      model: 'm',
      stream: true,
      stream_options: { x: 2, include_usage: true },
    });
    // A local server without a key gets no Authorization header at all.
    await run('openai-compatible', call('openai-chat', body), 'm', null);
    expect(fake.requests.at(-1)!.headers.authorization).toBeUndefined();
  });

  it('Anthropic: x-api-key, the client’s anthropic-version and anthropic-beta, else version 2023-06-01', async () => {
    const body = {
      model: 'claude',
      max_tokens: 64,
      messages: [{ role: 'user', content: 'Hi' }],
      thinking: { type: 'enabled', budget_tokens: 1024 },
    };
    await run('anthropic', call('anthropic', body));
    const plain = fake.requests.at(-1)!;
    expect(plain.path).toBe('/v1/messages');
    expect(plain.body).toEqual({ ...body, model: 'm' });
    expect(plain.headers).toMatchObject({ 'x-api-key': 'sk-test-key', 'anthropic-version': '2023-06-01' });
    expect(plain.headers.authorization).toBeUndefined();
    expect(plain.headers['anthropic-beta']).toBeUndefined();
    await run(
      'anthropic',
      call('anthropic', body, { 'anthropic-version': '2024-01-01', 'anthropic-beta': 'tools-2025' }),
    );
    expect(fake.requests.at(-1)!.headers).toMatchObject({
      'anthropic-version': '2024-01-01',
      'anthropic-beta': 'tools-2025',
    });
  });

  it('Responses: POST /responses with the body as sent', async () => {
    const body = { model: 'gpt', input: 'Hi', reasoning: { effort: 'low' }, store: false };
    await run('openai', call('openai-responses', body));
    expect(fake.requests.at(-1)!).toMatchObject({ path: '/v1/responses', body: { ...body, model: 'm' } });
  });
});

describe('answers without streaming', () => {
  it.each([
    ['openai-compatible', 'openai-chat'],
    ['anthropic', 'anthropic'],
    ['openai', 'openai-responses'],
  ] as const)('%s: one event with the whole body, the model naming the target, usage read', async (kind, protocol) => {
    fake.enqueue({ kind: 'text', text: 'Whole.', model: 'served-1', usage: { inputTokens: 7, outputTokens: 3 } });
    const got = await run(kind, call(protocol, { model: 'x', messages: [] }));
    expect(got.wire).toHaveLength(1);
    const body = JSON.parse(got.wire[0]!.data);
    expect(body.model).toBe('fake/m');
    expect(got.wire[0]).toMatchObject({ content: 'text', text: 'Whole.' });
    expect(got.finish).toMatchObject({ usage: { inputTokens: 7, outputTokens: 3 }, servedModel: 'served-1' });
  });

  it('says a tool call is content, never text to keep', async () => {
    const toolCalls = [{ id: 'call_1', name: 'lookup', arguments: '{"q":"x"}' }];
    fake.enqueue({ kind: 'text', text: '', toolCalls });
    const got = await run('openai-compatible', call('openai-chat', { model: 'x', messages: [] }));
    expect(got.wire[0]).toMatchObject({ content: 'tool-call' });
    expect(got.finish).toMatchObject({ finishReason: 'tool_calls' });
  });
});

describe('streamed tool calls', () => {
  it.each([
    ['openai-compatible', 'openai-chat', 'tool_calls'],
    ['anthropic', 'anthropic', 'tool_use'],
    ['openai', 'openai-responses', 'completed'],
  ] as const)('%s: the first token is the call, its arguments are counted', async (kind, protocol, finish) => {
    fake.enqueue({
      kind: 'text',
      text: '',
      toolCalls: [{ id: 'call_1', name: 'lookup', arguments: '{"q":"weather"}' }],
    });
    const got = await run(kind, call(protocol, { model: 'x', messages: [], stream: true }));
    const contents = got.wire.map((part) => part.content).filter(Boolean);
    expect(contents[0]).toBe('tool-call');
    expect(
      got.wire
        .filter((part) => part.content === 'tool-call')
        .map((part) => part.text)
        .join(''),
    ).toBe('{"q":"weather"}');
    expect(got.finish).toMatchObject({ finishReason: finish });
  });
});

describe('failures', () => {
  it('throws HTTP errors before the answer with their status, retry-after and the key redacted', async () => {
    fake.enqueue({
      kind: 'http-error',
      status: 429,
      headers: { 'retry-after': '3' },
      body: { error: { message: 'Slow down, sk-test-key', type: 'rate_limit_error' } },
    });
    const limited = await run('openai-compatible', call('openai-chat', { model: 'x', messages: [], stream: true }));
    expect(limited.error).toMatchObject({ code: 'PROVIDER_RATE_LIMITED', status: 429, retryAfterMs: 3000 });
    expect(limited.error!.message).not.toContain('sk-test-key');
    expect(limited.wire).toHaveLength(0);

    fake.enqueue({
      kind: 'http-error',
      status: 401,
      body: { type: 'error', error: { type: 'authentication_error', message: 'invalid x-api-key' } },
    });
    const refused = await run('anthropic', call('anthropic', { model: 'x', messages: [], stream: true }));
    expect(refused.error).toMatchObject({ code: 'PROVIDER_AUTH', status: 401 });
    expect(refused.error!.message).toMatch(/check the key for fake/);
  });

  it('ends with a retryable error part for an error event before the answer, and for a stream cut short', async () => {
    fake.enqueue({ kind: 'text', text: 'never', errorAfterDeltas: 0 });
    const failed = await run('anthropic', call('anthropic', { model: 'x', messages: [], stream: true }));
    expect(failed.error).toMatchObject({ code: 'PROVIDER_STREAM_ERROR', isRetryable: true });
    expect(failed.wire.some((part) => part.data.includes('"type":"error"'))).toBe(false);

    fake.enqueue({ kind: 'text', text: 'cut short here', deltas: 3, cutAfterDeltas: 2 });
    const cut = await run('openai', call('openai-responses', { model: 'x', input: 'Hi', stream: true }));
    expect(cut.text.length).toBeGreaterThan(0);
    expect(cut.error).toMatchObject({ code: 'INTERRUPTED' });
  });

  it('refuses a redirect without following it', async () => {
    fake.enqueue({ kind: 'redirect', status: 307, location: 'http://example.com/v1/chat/completions' });
    const moved = await run('openai-compatible', call('openai-chat', { model: 'x', messages: [] }));
    expect(moved.error).toMatchObject({ code: 'PROVIDER_NOT_FOUND', status: 307 });
    expect(moved.error!.message).toMatch(/does not follow redirects/);
  });
});

describe('a response past the read limit', () => {
  it.each([true, false])('is cut with ANSWER_TOO_LARGE (streaming: %s)', async (isStream) => {
    const small = createStreamTarget({ maxResponseBytes: 2048 });
    fake.enqueue({ kind: 'text', text: 'word '.repeat(2000), deltas: 200 });
    const endpoint = { id: 'fake', kind: 'openai-compatible' as const, baseURL: `${fake.url}/v1` };
    const api = call('openai-chat', { model: 'x', messages: [], stream: isStream });
    const parts: ProviderPart[] = [];
    try {
      for await (const part of await small({ endpoint, model: 'm', apiKey: undefined }, { messages: [], api }))
        parts.push(part);
    } catch (error) {
      parts.push({ type: 'error', error: error as ProviderError });
    }
    const failure = parts.find((part) => part.type === 'error');
    expect(failure?.error).toMatchObject({ code: 'ANSWER_TOO_LARGE' });
    expect(parts.some((part) => part.type === 'finish')).toBe(false);
  });
});

describe('one read of the provider’s answer', () => {
  it('goes out as one part holding its whole events, the commit gate and the model rewrite kept', async () => {
    const delta = (content: Record<string, unknown>, finish: string | null = null) =>
      JSON.stringify({ id: 'c', model: 'served', choices: [{ index: 0, delta: content, finish_reason: finish }] });
    const chunks = [
      delta({ role: 'assistant', content: '' }),
      ...Array.from({ length: 10 }, (_, index) => delta({ content: `t${index} ` })),
      delta({}, 'stop'),
      JSON.stringify({ id: 'c', model: 'served', choices: [], usage: { prompt_tokens: 2, completion_tokens: 10 } }),
    ];
    // Written at once: the client gets it in as few writes as the events' kinds allow.
    fake.enqueue({ kind: 'replay', chunks });
    const got = await run('openai-compatible', call('openai-chat', { model: 'r', messages: [], stream: true }));
    expect(got.wire).toHaveLength(1);
    expect(got.wire[0]).toMatchObject({
      content: 'text',
      text: Array.from({ length: 10 }, (_, i) => `t${i} `).join(''),
    });
    const received = payloads(got.wire);
    expect(received).toHaveLength(13);
    expect(received.slice(0, 12).every((payload) => payload.includes('"model":"fake/m"'))).toBe(true);
    expect(received.at(-1)).toBe('[DONE]');
    expect(got.finish).toMatchObject({ finishReason: 'stop', usage: { inputTokens: 2, outputTokens: 10 } });
  });

  it('keeps events of different kinds apart, so reasoning is never counted as answer text', async () => {
    const delta = (content: Record<string, unknown>) =>
      JSON.stringify({ id: 'c', model: 'served', choices: [{ index: 0, delta: content, finish_reason: null }] });
    fake.enqueue({
      kind: 'replay',
      chunks: [delta({ reasoning_content: 'think' }), delta({ content: 'say' }), delta({ content: ' more' })],
    });
    const got = await run('openai-compatible', call('openai-chat', { model: 'r', messages: [], stream: true }));
    expect(got.wire.map((part) => [part.content, part.text])).toEqual([
      ['reasoning', 'think'],
      ['text', 'say more'],
    ]);
  });
});

describe('the connection to the provider', () => {
  it('is kept alive and reused by the next calls', async () => {
    const { createServer } = await import('node:http');
    let connections = 0;
    const chunk = JSON.stringify({ id: 'c', model: 'm', choices: [{ index: 0, delta: { content: 'Hi' } }] });
    const server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        response.writeHead(200, { 'content-type': 'text/event-stream' });
        response.end(`data: ${chunk}\n\ndata: [DONE]\n\n`);
      });
    });
    server.on('connection', () => (connections += 1));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as import('node:net').AddressInfo;
    const endpoint = { id: 'local', kind: 'openai-compatible' as const, baseURL: `http://127.0.0.1:${port}/v1` };
    try {
      for (let index = 0; index < 3; index += 1) {
        const parts: ProviderPart[] = [];
        const api = call('openai-chat', { model: 'x', messages: [], stream: true });
        for await (const part of await stream({ endpoint, model: 'm', apiKey: undefined }, { messages: [], api }))
          parts.push(part);
        expect(parts.at(-1)).toMatchObject({ type: 'finish' });
        // The next call comes a turn later, as over a network: the socket is back in the pool by then.
        await new Promise((resolve) => setImmediate(resolve));
      }
      expect(connections).toBe(1);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
