import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { socketPath } from '../../shared/contract/socket';
import type { Services } from '../core/services';
import type { Core } from '../core/types';
import { createBridgeSocket } from './bridge-socket';
import { handleChatCompletions, handleModels } from './openai-api';
import { newApiToken } from './api-token';
import { isLoopbackHost, isTokenValid, presentedToken, tokenCookie } from './request-guard';
import { serveStatic } from './static-files';

export interface ServerOptions {
  services: Services;
  core: Core;
  /** The built renderer (`out/renderer`). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
}

export interface RunningServer {
  /** Browser mode, token included. */
  url: string;
  /** The local OpenAI-compatible API. */
  apiBase: string;
  token: string;
  close(): Promise<void>;
}

/** Browser mode and the local OpenAI-compatible API, on 127.0.0.1 only, behind one token. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = options.token ?? newApiToken();
  const bridge = createBridgeSocket(options.core);
  let port = 0;

  const refuse = (response: ServerResponse, status: number, message: string) =>
    response.writeHead(status, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        error: {
          message,
          type: 'invalid_request_error',
          param: null,
          code: status === 401 ? 'invalid_api_key' : null,
        },
      }),
    );

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    if (!isLoopbackHost(request.headers.host, port))
      return refuse(response, 403, 'Switchboard answers only on 127.0.0.1.');
    if (!isTokenValid(presentedToken(request), token)) {
      return refuse(
        response,
        401,
        'Missing or wrong Switchboard token: use the token `switchboard serve` printed, as a Bearer key.',
      );
    }
    const path = new URL(request.url ?? '/', 'http://local').pathname;
    void route(request, response, path).catch((error: unknown) => {
      console.error('switchboard: request failed:', error);
      if (!response.headersSent) refuse(response, 500, 'Switchboard failed to answer; see its log.');
      else response.end();
    });
  });

  async function route(request: IncomingMessage, response: ServerResponse, path: string) {
    if (path === '/v1/models' && request.method === 'GET') return handleModels(options.services, response);
    if (path === '/v1/chat/completions' && request.method === 'POST') {
      return handleChatCompletions(options.services, request, response);
    }
    if (path.startsWith('/v1/'))
      return refuse(response, 404, `Switchboard's local API has no ${request.method} ${path}.`);
    if (request.method !== 'GET') return refuse(response, 405, 'Only GET serves the app.');
    // The page keeps the token in a same-site cookie so its scripts and socket are let in.
    response.setHeader('set-cookie', `${tokenCookie}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`);
    return serveStatic(options.rendererDir, path, response);
  }

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(request.url ?? '/', 'http://local').pathname;
    const origin = request.headers.origin;
    const isOwnOrigin = origin === undefined || isLoopbackHost(origin.replace(/^http:\/\//, ''), port);
    if (
      path !== socketPath ||
      !isLoopbackHost(request.headers.host, port) ||
      !isOwnOrigin ||
      !isTokenValid(presentedToken(request), token)
    ) {
      socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
      return;
    }
    bridge.upgrade(request, socket, head);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    apiBase: `${origin}/v1`,
    token,
    close: async () => {
      bridge.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
