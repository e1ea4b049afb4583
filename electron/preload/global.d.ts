import type { SwitchboardBridge } from '../../shared/contract';

declare global {
  interface Window {
    /** Present in the desktop app (preload); absent in browser mode, which uses a socket. */
    switchboard?: SwitchboardBridge;
  }
}
