import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { SocketMessage, SocketRequest } from '../../shared/contract/socket';
import type { Core } from '../core/types';

/**
 * Browser mode's end of the contract: each socket is one renderer; its requests go through the
 * same dispatch as IPC and its stream events go to it alone.
 */
export function createBridgeSocket(core: Core) {
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024 });

  sockets.on('connection', (socket: WebSocket) => {
    const send = (message: SocketMessage) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
    };
    const context = { emit: (event: 'chat.parts', payload: never) => send({ kind: 'event', event, payload }) };
    socket.on('message', (data) => {
      let request: SocketRequest;
      try {
        request = JSON.parse(data.toString()) as SocketRequest;
      } catch {
        return;
      }
      if (typeof request?.id !== 'number') return;
      void core
        .dispatch(request.route, request.input, context as Parameters<Core['dispatch']>[2])
        .then((result) => send({ kind: 'result', id: request.id, result }));
    });
  });

  return {
    upgrade(request: IncomingMessage, socket: Duplex, head: Buffer) {
      sockets.handleUpgrade(request, socket, head, (client) => sockets.emit('connection', client, request));
    },
    close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
    },
  };
}
