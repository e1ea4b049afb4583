import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { socketPath } from '../../shared/contract/socket';
import type { Services } from '../core/services';
import type { Core } from '../core/types';
import type { ClientProtocol } from '../protocols/types';
import { newApiToken } from './api-token';
import { createBridgeSocket } from './bridge-socket';
import { answerClientError } from './client-error';
import { newSecret } from './kept-secret';
import { handleApiCall } from './api-call';
import { handleCountTokens } from './count-tokens-api';
import { handleEmbeddings } from './embeddings-api';
import { handleModel, handleModels } from './models-api';
import {
  isLoopbackHost,
  isOwnOrigin,
  isSecretValid,
  presentedApiKey,
  presentedPageSecret,
  requestPath,
} from './request-guard';
import { sendApiError } from './send-json';
import { errorFormatFor, sendServerError } from './server-error';
import { serveStatic } from './static-files';

/** Time limits of the server; tests make them short. */
export interface ServerLimits {
  /** A request's headers must arrive within this (default 30 s). */
  headersTimeoutMs: number;
  /** A request's headers and body must arrive within this (default 60 s); the answer may take longer. */
  requestTimeoutMs: number;
  /** Silence before a streaming answer commits its 200 and sends keep-alive comments (default 10 s). */
  keepAliveMs: number;
}

export const defaultServerLimits: ServerLimits = {
  headersTimeoutMs: 30_000,
  requestTimeoutMs: 60_000,
  keepAliveMs: 10_000,
};

export interface ServerOptions {
  services: Services;
  core: Core;
  /** The built renderer (`out/renderer`). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** The local API key: opens `/v1/*` only. */
  token?: string;
  /** Browser mode's secret: opens the `/bridge` socket only. */
  pageSecret?: string;
  limits?: Partial<ServerLimits>;
}

export interface RunningServer {
  /** Browser mode, its page secret in the fragment (`/#session=…`), which browsers never send to a server. */
  url: string;
  /** The local OpenAI-compatible API. */
  apiBase: string;
  /** The local API key. */
  token: string;
  pageSecret: string;
  close(): Promise<void>;
}

/** The local API's calls, each in its client protocol. */
const apiPaths = new Map<string, ClientProtocol>([
  ['/v1/chat/completions', 'openai-chat'],
  ['/v1/messages', 'anthropic'],
  ['/v1/responses', 'openai-responses'],
]);

/** The header a Switchboard sends on every provider request: seeing it here means a base URL points back at us. */
const hopHeader = 'x-switchboard-hop';

/**
 * Browser mode and the local OpenAI-compatible API, on 127.0.0.1 only. The API key opens `/v1/*`;
 * the page secret opens the `/bridge` socket; the app's files hold no secret and need neither.
 * No input ends the process: every listener catches what it cannot parse and answers a 4xx.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = options.token ?? newApiToken();
  const pageSecret = options.pageSecret ?? newSecret('page');
  const limits = { ...defaultServerLimits, ...options.limits };
  const bridge = createBridgeSocket(options.core);
  let port = 0;
  // Requests being answered: closing waits for them, so a cancelled API call still writes its usage row.
  const inFlight = new Set<Promise<void>>();

  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      // Node checks the two timeouts on this interval (30 s by default, which would stretch them).
      connectionsCheckingInterval: Math.max(50, Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs) / 6),
    },
    (request: IncomingMessage, response: ServerResponse) => {
      // A write after the client left is not worth a crash.
      response.on('error', (error) => console.error('switchboard: response failed:', error.message));
      try {
        const answering = answer(request, response).catch((error: unknown) => failed(response, error));
        inFlight.add(answering);
        void answering.finally(() => inFlight.delete(answering));
      } catch (error) {
        failed(response, error);
      }
    },
  );

  function failed(response: ServerResponse, error: unknown) {
    console.error('switchboard: request failed:', error);
    sendApiError(response, 500, 'Switchboard failed to answer; see its log.');
  }

  async function answer(request: IncomingMessage, response: ServerResponse) {
    if (!isLoopbackHost(request.headers.host, port)) {
      return sendApiError(response, 403, 'Switchboard answers only on 127.0.0.1.');
    }
    const path = requestPath(request.url);
    if (path === null) return sendApiError(response, 400, 'The request target is not a valid URL path.');
    if (path === '/v1' || path.startsWith('/v1/')) return answerApi(request, response, path);
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return sendApiError(response, 405, 'Only GET serves the app.');
    }
    // The app's files hold no secret: the page brings its own in the address fragment.
    return serveStatic(options.rendererDir, path, response);
  }

  async function answerApi(request: IncomingMessage, response: ServerResponse, path: string) {
    if (request.headers[hopHeader] !== undefined) {
      return sendServerError(
        response,
        errorFormatFor(path),
        508,
        "Loop detected: this endpoint's base URL points back at Switchboard's own local API; point it at the provider instead.",
        { code: 'loop_detected' },
      );
    }
    const format = errorFormatFor(path);
    if (!isSecretValid(presentedApiKey(request.headers), token)) {
      return sendServerError(
        response,
        format,
        401,
        'Missing or wrong local API key: send the key `switchboard serve` printed (or Settings shows) as `Authorization: Bearer <key>` or `x-api-key`.',
        { code: 'invalid_api_key' },
      );
    }
    const { services } = options;
    if (request.method === 'GET') {
      if (path === '/v1/models') return handleModels(services, response);
      if (path.startsWith('/v1/models/')) return handleModel(services, response, path.slice('/v1/models/'.length));
    }
    if (request.method === 'POST') {
      const protocol = apiPaths.get(path);
      if (protocol) {
        const options = { keepAliveMs: limits.keepAliveMs, path };
        return handleApiCall(services, services.codecs[protocol], request, response, options);
      }
      if (path === '/v1/messages/count_tokens') {
        return handleCountTokens(services, services.codecs.anthropic, request, response);
      }
      if (path === '/v1/embeddings') return handleEmbeddings(services, request, response);
    }
    return sendServerError(response, format, 404, `Switchboard's local API has no ${request.method} ${path}.`);
  }

  function upgrade(request: IncomingMessage, socket: Duplex, head: Buffer) {
    socket.on('error', () => socket.destroy());
    const refuse = (status: string) =>
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`, () => socket.destroy());
    if (requestPath(request.url) !== socketPath) return refuse('404 Not Found');
    if (!isLoopbackHost(request.headers.host, port) || !isOwnOrigin(request.headers.origin, port)) {
      return refuse('403 Forbidden');
    }
    // Only the page secret opens the socket: it can change settings and test keys, which the API key must not.
    bridge.upgrade(request, socket, head, isSecretValid(presentedPageSecret(request.headers), pageSecret));
  }

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    try {
      upgrade(request, socket, head);
    } catch (error) {
      console.error('switchboard: socket upgrade failed:', error);
      socket.destroy();
    }
  });
  server.on('clientError', answerClientError);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  server.on('error', (error) => console.error('switchboard: server error:', error));
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/#session=${pageSecret}`,
    apiBase: `${origin}/v1`,
    token,
    pageSecret,
    close: async () => {
      bridge.close();
      server.closeAllConnections();
      await Promise.allSettled([...inFlight]);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
