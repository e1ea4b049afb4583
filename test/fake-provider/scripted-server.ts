import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the scripted server answers one request with; `hang` never answers. */
export type ScriptedAnswer = { status: number; body: unknown; headers?: Record<string, string> } | { hang: true };

export interface ScriptedRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  headers: IncomingHttpHeaders;
}

export interface ScriptedServer {
  url: string;
  port: number;
  requests: ScriptedRequest[];
  close(): Promise<void>;
}

/**
 * A server on 127.0.0.1 (on a free port) answering each request by its path and query, for provider APIs
 * the fake provider does not speak (model lists in each provider's own shape). Unknown paths get a 404.
 */
export async function startScriptedServer(
  answer: (request: ScriptedRequest) => ScriptedAnswer | undefined,
): Promise<ScriptedServer> {
  const requests: ScriptedRequest[] = [];
  const server = createServer((request, response) => {
    const recorded = { method: request.method ?? 'GET', url: request.url ?? '/', headers: request.headers };
    requests.push(recorded);
    const reply = answer(recorded) ?? { status: 404, body: { error: { message: `no route ${recorded.url}` } } };
    if ('hang' in reply) return;
    const isText = typeof reply.body === 'string';
    response.writeHead(reply.status, {
      'content-type': isText ? 'text/html' : 'application/json',
      ...reply.headers,
    });
    response.end(isText ? (reply.body as string) : JSON.stringify(reply.body));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
