import type { EventName, Events, Result } from './index';

/**
 * Browser mode's transport: the same contract as IPC, as JSON messages over one WebSocket at
 * `/bridge` on the local server. The page proves it holds the page secret by offering two
 * subprotocols, `switchboard` and `switchboard-session.<secret>`; the server selects `switchboard`.
 * The local API key never opens it.
 */
export const socketPath = '/bridge';

/** The subprotocol the server selects. */
export const socketProtocol = 'switchboard';

/** Prefix of the subprotocol that carries the page secret. */
export const pageSecretProtocolPrefix = 'switchboard-session.';

/** The largest message either side takes; a bigger frame closes the socket with 1009. */
export const maxSocketMessageBytes = 16 * 1024 * 1024;

/** Close code for a socket without the right page secret: the page must be opened from the printed address. */
export const pageSecretRefusedCloseCode = 4401;

/** Browser → core. `id` pairs the answer with its request. */
export interface SocketRequest {
  id: number;
  route: string;
  input: unknown;
}

/** Core → browser: an answer, or an event for this socket only. */
export type SocketMessage =
  | { kind: 'result'; id: number; result: Result<unknown> }
  | { [E in EventName]: { kind: 'event'; event: E; payload: Events[E] } }[EventName];
