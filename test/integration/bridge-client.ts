// A browser-mode socket as the page opens it, from a test: the page secret offered as a subprotocol.
import { once } from 'node:events';
import { WebSocket, type ClientOptions } from 'ws';
import type { RunningServer } from '../../electron/server/start-server';
import type { SocketMessage } from '../../shared/contract/socket';

export const serverOrigin = (server: RunningServer) => server.apiBase.replace(/\/v1$/, '');
export const bridgeUrl = (server: RunningServer) => `${serverOrigin(server).replace('http', 'ws')}/bridge`;

/** The subprotocols a page offers with this secret. */
export const pageProtocols = (secret: string) => ['switchboard', `switchboard-session.${secret}`];

export interface BridgeClient {
  socket: WebSocket;
  messages: SocketMessage[];
  request(route: string, input: unknown): Promise<Extract<SocketMessage, { kind: 'result' }>['result']>;
  /** Resolves with the close code once the server closes the socket. */
  closed: Promise<number>;
}

/** Opens `/bridge` with `protocols` (a page's, by default) and collects every message. */
export async function openBridge(
  server: RunningServer,
  protocols = pageProtocols(server.pageSecret),
  options: ClientOptions = { origin: serverOrigin(server) },
): Promise<BridgeClient> {
  const socket = new WebSocket(bridgeUrl(server), protocols, options);
  const messages: SocketMessage[] = [];
  const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
  socket.on('error', () => {});
  socket.on('message', (data) => messages.push(JSON.parse(data.toString()) as SocketMessage));
  await Promise.race([once(socket, 'open'), closed]);
  let nextId = 1000;
  return {
    socket,
    messages,
    closed,
    request(route, input) {
      const id = nextId++;
      socket.send(JSON.stringify({ id, route, input }));
      return new Promise((resolve, reject) => {
        const onMessage = () => {
          const answer = messages.find((message) => message.kind === 'result' && message.id === id);
          if (!answer || answer.kind !== 'result') return;
          socket.off('message', onMessage);
          resolve(answer.result);
        };
        socket.on('message', onMessage);
        void closed.then((code) => reject(new Error(`the socket closed (${code}) before the answer`)));
      });
    },
  };
}

/** One request on a fresh socket, as a page would make it. */
export async function bridgeCall(server: RunningServer, route: string, input: unknown) {
  const client = await openBridge(server);
  try {
    return await client.request(route, input);
  } finally {
    client.socket.close();
  }
}
