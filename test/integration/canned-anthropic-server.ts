import Anthropic from '@anthropic-ai/sdk';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One canned HTTP answer. */
export interface CannedAnswer {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

/**
 * A loopback server that answers every request with the answer last set, and an official Anthropic
 * client pointed at it: for checking that what Switchboard writes is what the real client reads.
 */
export async function startCannedAnthropicServer() {
  let answer: CannedAnswer = { status: 200, body: '' };
  const server = createServer((request, response) => {
    request.resume();
    response.writeHead(answer.status, answer.headers).end(answer.body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    client: new Anthropic({ baseURL: `http://127.0.0.1:${port}`, apiKey: 'sk-test', maxRetries: 0 }),
    answerWith(next: CannedAnswer) {
      answer = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
