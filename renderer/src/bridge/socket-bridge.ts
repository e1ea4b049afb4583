import type { EventName, Events, Result, RouteName, SwitchboardBridge } from '../../../shared/contract';
import {
  maxSocketMessageBytes,
  pageSecretProtocolPrefix,
  pageSecretRefusedCloseCode,
  socketPath,
  socketProtocol,
  type SocketMessage,
} from '../../../shared/contract/socket';

export interface SocketBridgeEvents {
  onConnectionChange(isConnected: boolean): void;
  /** The server refused this page's secret: the page must be opened from the address `serve` printed. */
  onRefused?(message: string): void;
}

type Failure = Extract<Result<unknown>, { ok: false }>;

const failure = (code: string, message: string): Failure => ({ ok: false, error: { code, message } });

export const pageSecretRefusedMessage =
  'This page is not let in: open the address `switchboard serve` printed (it carries the page’s secret after “#”). ' +
  'The secret changes with `serve --new-token`, and on every run without an OS keychain.';

/** Why a socket closed, in words for the person whose request it ended. */
function closedMessage(event: { code: number; reason: string }): string {
  if (event.code === 1009) return 'Switchboard closed the connection: a message was over 16 MiB.';
  if (event.code === pageSecretRefusedCloseCode) return pageSecretRefusedMessage;
  const reason = event.reason ? ` (${event.reason})` : '';
  return `Lost connection to Switchboard${reason}; it reconnects by itself, then send again.`;
}

/**
 * Browser mode: the contract over one WebSocket to the local server, which the page opens with its
 * secret as a subprotocol. Every request gets an answer: a message too large is refused before it
 * is sent, and requests in flight or waiting when the socket closes end with a DISCONNECTED error.
 */
export function createSocketBridge(
  url: string,
  secret: string,
  events: SocketBridgeEvents,
): SwitchboardBridge & { close(): void } {
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  // Requests waiting for the socket to open; told when this attempt fails instead.
  const waiting = new Set<(socket: WebSocket | Failure) => void>();
  const protocols = secret ? [socketProtocol, `${pageSecretProtocolPrefix}${secret}`] : [socketProtocol];
  let nextId = 1;
  let socket: WebSocket;
  let reconnect: ReturnType<typeof setTimeout> | undefined;
  let isClosed = false;

  const connect = () => {
    socket = new WebSocket(url, protocols);
    socket.addEventListener('open', () => {
      events.onConnectionChange(true);
      for (const resolve of waiting) resolve(socket);
      waiting.clear();
    });
    socket.addEventListener('message', (event) => {
      let message: SocketMessage;
      try {
        message = JSON.parse(String(event.data)) as SocketMessage;
      } catch {
        return;
      }
      if (message.kind === 'result') {
        pending.get(message.id)?.(message.result);
        pending.delete(message.id);
      } else {
        for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
      }
    });
    socket.addEventListener('close', (event) => {
      events.onConnectionChange(false);
      if (event.code === pageSecretRefusedCloseCode) events.onRefused?.(pageSecretRefusedMessage);
      const ended = failure('DISCONNECTED', closedMessage(event));
      for (const resolve of pending.values()) resolve(ended);
      pending.clear();
      for (const resolve of waiting) resolve(ended);
      waiting.clear();
      // A refused secret will not change by itself: ask less often.
      if (!isClosed) reconnect = setTimeout(connect, event.code === pageSecretRefusedCloseCode ? 5000 : 1000);
    });
  };
  connect();

  const opened = () =>
    socket.readyState === WebSocket.OPEN
      ? Promise.resolve(socket)
      : new Promise<WebSocket | Failure>((resolve) => waiting.add(resolve));

  return {
    async request<K extends RouteName>(route: K, input: unknown) {
      const id = nextId++;
      const message = JSON.stringify({ id, route, input });
      // A UTF-16 unit is at most 3 bytes of UTF-8: only long messages need counting.
      if (
        message.length * 3 > maxSocketMessageBytes &&
        new TextEncoder().encode(message).length > maxSocketMessageBytes
      ) {
        return failure(
          'INVALID_INPUT',
          'The message is over 16 MiB, the most browser mode sends at once: shorten it, or send it in parts.',
        );
      }
      const open = await opened();
      if ('ok' in open) return open;
      return new Promise((resolve) => {
        pending.set(id, resolve as (result: Result<unknown>) => void);
        open.send(message);
      });
    },
    on<E extends EventName>(event: E, listener: (payload: Events[E]) => void) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: unknown) => void);
    },
    /** Stops reconnecting and closes the socket. */
    close() {
      isClosed = true;
      clearTimeout(reconnect);
      socket.close();
    },
  } as SwitchboardBridge & { close(): void };
}

/** The socket URL for a page at this origin. */
export function browserSocketUrl(location: { origin: string }): string {
  return `${location.origin.replace(/^http/, 'ws')}${socketPath}`;
}
