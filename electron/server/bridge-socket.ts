import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import {
  maxSocketMessageBytes,
  pageSecretRefusedCloseCode,
  socketProtocol,
  type SocketMessage,
} from '../../shared/contract/socket';
import type { CallContext, Core } from '../core/types';

/** The request in a message, or null when it is not one (not JSON, no numeric id): such messages are ignored. */
function parseRequest(data: RawData): { id: number; route: unknown; input: unknown } | null {
  try {
    const request = JSON.parse(data.toString()) as unknown;
    if (typeof request !== 'object' || request === null) return null;
    const { id, route, input } = request as Record<string, unknown>;
    return typeof id === 'number' ? { id, route, input } : null;
  } catch {
    return null;
  }
}

/**
 * Browser mode's end of the contract: each socket is one renderer; its requests go through the
 * same dispatch as IPC and its stream events go to it alone. A bad frame (too large, invalid
 * UTF-8, unmasked) closes that socket with its code (1009, 1007, 1002), never the server; a socket
 * that closes cancels the streams it started.
 */
export function createBridgeSocket(core: Core) {
  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: maxSocketMessageBytes,
    handleProtocols: (protocols) => (protocols.has(socketProtocol) ? socketProtocol : false),
  });

  function serve(socket: WebSocket) {
    const callerGone = new AbortController();
    const send = (message: SocketMessage) => {
      if (socket.readyState !== socket.OPEN) return;
      try {
        socket.send(JSON.stringify(message));
      } catch (error) {
        console.error('switchboard: could not send to the page:', (error as Error).message);
      }
    };
    const context: CallContext = {
      emit: (event, payload) => send({ kind: 'event', event, payload } as SocketMessage),
      signal: callerGone.signal,
    };
    socket.on('message', (data) => {
      const request = parseRequest(data);
      if (!request) return;
      void core
        .dispatch(request.route, request.input, context)
        .catch((error: unknown) => ({
          ok: false as const,
          error: { code: 'INTERNAL', message: `Switchboard failed to answer: ${(error as Error).message}` },
        }))
        .then((result) => send({ kind: 'result', id: request.id, result }));
    });
    // ws closes the socket with the frame's code itself; without a listener the error would end the process.
    socket.on('error', () => {});
    socket.on('close', () => callerGone.abort());
  }

  return {
    /** Completes the handshake; a socket without the page secret is closed at once, before any message is read. */
    upgrade(request: IncomingMessage, socket: Duplex, head: Buffer, isAuthorized: boolean) {
      sockets.handleUpgrade(request, socket, head, (client) => {
        if (!isAuthorized) {
          client.on('error', () => {});
          client.close(pageSecretRefusedCloseCode, 'wrong page secret');
          return;
        }
        serve(client);
      });
    },
    close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
    },
  };
}
