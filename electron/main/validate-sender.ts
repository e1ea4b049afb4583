import { isAppUrl } from './app-url';

/** The parts of an IPC sender frame the check reads (Electron's WebFrameMain has them). */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

/** IPC is answered only for the app's own top-level page, never for a subframe or a foreign page. */
export function isTrustedSender(
  frame: SenderFrame | null | undefined,
  options: { devServerUrl?: string } = {},
): boolean {
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(frame.url, options);
}
