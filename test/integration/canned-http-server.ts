// A loopback server answering every request with the next canned body: lets a real client read what an encoder wrote.
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CannedAnswer {
  status?: number;
  contentType: string;
  body: string;
  headers?: Record<string, string>;
}

export interface CannedHttpServer {
  url: string;
  /** The JSON bodies received, in order. */
  requests: unknown[];
  answer(next: CannedAnswer): void;
  close(): Promise<void>;
}

export async function startCannedHttpServer(): Promise<CannedHttpServer> {
  const queue: CannedAnswer[] = [];
  const requests: unknown[] = [];
  const server = createServer(async (request, response) => {
    let text = '';
    for await (const chunk of request) text += String(chunk);
    requests.push(text ? JSON.parse(text) : undefined);
    const next = queue.shift();
    if (!next) {
      response.writeHead(500, { 'content-type': 'text/plain' }).end('no canned answer left');
      return;
    }
    response.writeHead(next.status ?? 200, { 'content-type': next.contentType, ...next.headers }).end(next.body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    answer: (next) => queue.push(next),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
