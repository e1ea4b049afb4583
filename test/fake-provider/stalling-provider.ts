import { once } from 'node:events';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { frameEvent } from './wire-format';

/** What the stalling provider does with one request, in OpenAI Chat Completions' wire format. */
export type StallingBehaviour =
  /** Sends the status and headers, then nothing. */
  | { kind: 'headers-then-hang' }
  /**
   * Sends these text deltas, then nothing. With `usage`, each chunk carries the running counts, as
   * servers that report usage on every chunk do (vLLM's `continuous_usage_stats`).
   */
  | { kind: 'chunks-then-hang'; texts: string[]; usage?: { inputTokens: number; outputTokens: number } }
  /** Sends `chunkText` deltas without end, as fast as the client reads, until it goes away. */
  | { kind: 'flood'; chunkText: string };

export interface StalledRequest {
  /** Resolves when the client hung up. */
  aborted: Promise<void>;
  /** Bytes of the body written so far. */
  bytesSent(): number;
}

export interface StallingProvider {
  /** `http://127.0.0.1:PORT`; append `/v1`. */
  url: string;
  requests: StalledRequest[];
  /** Answers the next request with this; without one queued, a request hangs after its headers. */
  enqueue(...behaviours: StallingBehaviour[]): void;
  close(): Promise<void>;
}

const chunk = (delta: Record<string, unknown>, usage?: { inputTokens: number; outputTokens: number }) =>
  frameEvent(
    'openai-chat',
    JSON.stringify({
      id: 'chatcmpl-stall',
      object: 'chat.completion.chunk',
      created: 1_763_000_000,
      model: 'm',
      choices: [{ index: 0, delta, finish_reason: null }],
      ...(usage
        ? {
            usage: {
              prompt_tokens: usage.inputTokens,
              completion_tokens: usage.outputTokens,
              total_tokens: usage.inputTokens + usage.outputTokens,
            },
          }
        : {}),
    }),
  );

async function behave(behaviour: StallingBehaviour, response: ServerResponse, count: (bytes: number) => void) {
  const closed = once(response, 'close');
  const write = async (text: string) => {
    count(Buffer.byteLength(text));
    if (!response.write(text)) await Promise.race([once(response, 'drain'), closed]);
  };
  response.writeHead(200, { 'content-type': 'text/event-stream' });
  response.flushHeaders();
  if (behaviour.kind === 'headers-then-hang') return;
  await write(chunk({ role: 'assistant', content: '' }));
  if (behaviour.kind === 'chunks-then-hang') {
    for (const text of behaviour.texts) await write(chunk({ content: text }, behaviour.usage));
    return;
  }
  while (!response.destroyed) await write(chunk({ content: behaviour.chunkText }));
}

/**
 * A provider that stops mid-answer or never stops: for time and size limits. It never ends an answer
 * on its own; only the client hanging up ends a request.
 */
export async function startStallingProvider(): Promise<StallingProvider> {
  const queue: StallingBehaviour[] = [];
  const requests: StalledRequest[] = [];
  const server = createServer(async (request, response) => {
    for await (const _chunk of request) void _chunk;
    let bytes = 0;
    requests.push({ aborted: once(response, 'close').then(() => undefined), bytesSent: () => bytes });
    const behaviour = queue.shift() ?? { kind: 'headers-then-hang' };
    await behave(behaviour, response, (sent) => (bytes += sent)).catch(() => response.destroy());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    enqueue: (...behaviours) => queue.push(...behaviours),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
