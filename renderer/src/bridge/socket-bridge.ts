import type { EventName, Events, Result, RouteName, SwitchboardBridge } from '../../../shared/contract';
import { socketPath, type SocketMessage } from '../../../shared/contract/socket';

/** Browser mode: the contract over one WebSocket to the local server. */
export function createSocketBridge(url: string, onConnectionChange: (isConnected: boolean) => void): SwitchboardBridge {
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let nextId = 1;
  let socket: WebSocket;
  let ready: Promise<void>;

  const connect = () => {
    socket = new WebSocket(url);
    ready = new Promise((resolve) => socket.addEventListener('open', () => resolve(), { once: true }));
    socket.addEventListener('open', () => onConnectionChange(true));
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data)) as SocketMessage;
      if (message.kind === 'result') {
        pending.get(message.id)?.(message.result);
        pending.delete(message.id);
      } else {
        for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
      }
    });
    socket.addEventListener('close', () => {
      onConnectionChange(false);
      for (const resolve of pending.values()) {
        resolve({ ok: false, error: { code: 'DISCONNECTED', message: 'Lost connection to Switchboard.' } });
      }
      pending.clear();
      setTimeout(connect, 1000);
    });
  };
  connect();

  return {
    async request<K extends RouteName>(route: K, input: unknown) {
      await ready;
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve as (result: Result<unknown>) => void);
        socket.send(JSON.stringify({ id, route, input }));
      });
    },
    on<E extends EventName>(event: E, listener: (payload: Events[E]) => void) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: unknown) => void);
    },
  } as SwitchboardBridge;
}

/** The socket URL for this page; the token came in the page URL and is kept for this tab only. */
export function browserSocketUrl(location: Location, storage: Storage): string {
  const params = new URLSearchParams(location.search);
  const token = params.get('token') ?? storage.getItem('switchboard-token') ?? '';
  if (params.has('token')) {
    storage.setItem('switchboard-token', token);
    history.replaceState(null, '', location.pathname);
  }
  return `${location.origin.replace(/^http/, 'ws')}${socketPath}?token=${encodeURIComponent(token)}`;
}
