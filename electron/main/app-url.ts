import { resolve, sep } from 'node:path';

/** The renderer's own origin: a custom scheme, so pages never run from file://. */
export const appScheme = 'app';
export const appOrigin = `${appScheme}://switchboard`;

export const appCsp =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/** Whether a URL belongs to the app: its own origin, or exactly the dev server in development. */
export function isAppUrl(value: string, options: { devServerUrl?: string } = {}): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (`${url.protocol}//${url.host}` === appOrigin) return true;
  if (!options.devServerUrl) return false;
  return url.origin === new URL(options.devServerUrl).origin;
}

/** Only http(s) links leave the app, and only to the system browser. */
export function toExternalUrl(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : null;
  } catch {
    return null;
  }
}

/** What an app:// request names: a file inside the renderer folder, or the status that refuses it. */
export type AppFileRequest = { file: string } | { status: 400 | 404; reason: string };

/** The file an app:// request names inside the renderer folder; never throws on a malformed URL. */
export function resolveAppRequest(requestUrl: string, rendererRoot: string): AppFileRequest {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(requestUrl).pathname);
  } catch {
    return { status: 400, reason: `malformed URL ${requestUrl}` };
  }
  if (pathname.includes('\0')) return { status: 400, reason: `a NUL byte in ${requestUrl}` };
  const root = resolve(rendererRoot);
  const file = resolve(root, pathname.replace(/^\/+/, '') || 'index.html');
  return file.startsWith(root + sep) ? { file } : { status: 404, reason: `outside the app: ${requestUrl}` };
}
