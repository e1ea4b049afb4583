import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const tokenCookie = 'switchboard_token';

/**
 * Only loopback host names are served: a page elsewhere that rebinds its DNS name to 127.0.0.1
 * sends its own name as Host and is refused.
 */
export function isLoopbackHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(hostHeader.toLowerCase());
}

/** The token from a bearer header, the `token` query parameter or the browser-mode cookie. */
export function presentedToken(request: Pick<IncomingMessage, 'headers' | 'url'>): string | undefined {
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ')) return authorization.slice('Bearer '.length).trim();
  const query = new URL(request.url ?? '/', 'http://local').searchParams.get('token');
  if (query) return query;
  for (const cookie of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = cookie.trim().split('=');
    if (name === tokenCookie) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

export function isTokenValid(presented: string | undefined, expected: string): boolean {
  if (presented === undefined) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
