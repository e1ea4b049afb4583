import type { SwitchboardBridge } from '../../../shared/contract';
import { takePageSecret } from './page-secret';
import { browserSocketUrl, createSocketBridge, type SocketBridgeEvents } from './socket-bridge';

/** The preload's bridge in the desktop app; a socket to the local server in browser mode. */
export function getBridge(events: SocketBridgeEvents): SwitchboardBridge {
  if (window.switchboard) return window.switchboard;
  const secret = takePageSecret(window.location, window.sessionStorage, window.history);
  return createSocketBridge(browserSocketUrl(window.location), secret, events);
}
