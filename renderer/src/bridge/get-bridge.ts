import type { SwitchboardBridge } from '../../../shared/contract';
import { browserSocketUrl, createSocketBridge } from './socket-bridge';

/** The preload's bridge in the desktop app; a socket to the local server in browser mode. */
export function getBridge(onConnectionChange: (isConnected: boolean) => void): SwitchboardBridge {
  if (window.switchboard) return window.switchboard;
  return createSocketBridge(browserSocketUrl(window.location, window.sessionStorage), onConnectionChange);
}
