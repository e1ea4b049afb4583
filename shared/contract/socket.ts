import type { EventName, Events, Result } from './index';

/**
 * Browser mode's transport: the same contract as IPC, as JSON messages over one WebSocket at
 * `/bridge?token=<token>` on the local server.
 */
export const socketPath = '/bridge';

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
