// An app call to an OpenAI-compatible server goes without the AI SDK: the same request, the same parts.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStreamTarget } from './stream-target';
import type { ProviderPart } from './types';

const chunk = (delta: Record<string, unknown>, finish: string | null = null) =>
  `data: ${JSON.stringify({ id: 'c', model: 'served-m', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
const usage = `data: ${JSON.stringify({ id: 'c', model: 'served-m', choices: [], usage: { prompt_tokens: 4, completion_tokens: 3 } })}\n\n`;

let url: string;
let connections = 0;
const bodies: Record<string, unknown>[] = [];
let reply = '';
const server = createServer((request: IncomingMessage, response) => {
  const parts: Buffer[] = [];
  request.on('data', (part: Buffer) => parts.push(part));
  request.on('end', () => {
    bodies.push(JSON.parse(Buffer.concat(parts).toString()) as Record<string, unknown>);
    response.writeHead(200, { 'content-type': 'text/event-stream' }).end(reply);
  });
});
server.on('connection', () => (connections += 1));
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function call(): Promise<ProviderPart[]> {
  const stream = createStreamTarget();
  const parts: ProviderPart[] = [];
  const target = {
    endpoint: { id: 'local', kind: 'openai-compatible' as const, baseURL: url },
    model: 'm',
    apiKey: 'k',
  };
  const messages = [
    { role: 'system' as const, content: 'Be brief.' },
    { role: 'user' as const, content: 'Hi' },
  ];
  for await (const part of await stream(target, { messages, temperature: 0.2, maxOutputTokens: 9 })) parts.push(part);
  return parts;
}

describe('an app call to an OpenAI-compatible server', () => {
  it('sends the Chat Completions request and yields reasoning, text, usage and the finish', async () => {
    reply = [
      chunk({ role: 'assistant', content: '' }),
      chunk({ reasoning_content: 'thinking' }),
      chunk({ content: 'Hel' }),
      chunk({ content: 'lo "there"' }),
      chunk({}, 'stop'),
      usage,
      'data: [DONE]\n\n',
    ].join('');
    const parts = await call();
    expect(bodies.at(-1)).toEqual({
      model: 'm',
      max_tokens: 9,
      temperature: 0.2,
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
      ],
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(parts).toEqual([
      { type: 'response-metadata', modelId: 'served-m' },
      { type: 'reasoning-delta', text: 'thinking' },
      { type: 'text-delta', text: 'Hello "there"' },
      {
        type: 'usage',
        usage: { inputTokens: 4, cacheReadTokens: 0, cacheWriteTokens: 0, outputTokens: 3, reasoningTokens: 0 },
      },
      {
        type: 'finish',
        finishReason: 'stop',
        usage: { inputTokens: 4, cacheReadTokens: 0, cacheWriteTokens: 0, outputTokens: 3, reasoningTokens: 0 },
        servedModel: 'served-m',
        providerCostUSD: undefined,
      },
    ]);
  });

  it('joins the text deltas of one read into one part', async () => {
    reply = [chunk({ role: 'assistant', content: '' }), ...['a', 'b', 'c'].map((text) => chunk({ content: text }))]
      .concat(chunk({}, 'stop'), 'data: [DONE]\n\n')
      .join('');
    const parts = await call();
    expect(parts.filter((part) => part.type === 'text-delta')).toEqual([{ type: 'text-delta', text: 'abc' }]);
  });

  it('says a stream that ended without a finish reason was interrupted', async () => {
    reply = chunk({ role: 'assistant', content: '' }) + chunk({ content: 'cut' });
    const parts = await call();
    expect(parts.at(-1)).toMatchObject({ type: 'error', error: { code: 'INTERRUPTED' } });
  });

  it('reuses one kept-alive connection for the next calls', async () => {
    reply = chunk({ content: 'x' }, 'stop') + 'data: [DONE]\n\n';
    const before = connections;
    for (let index = 0; index < 3; index += 1) {
      await call();
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(connections - before).toBeLessThanOrEqual(1);
  });
});
