import { hash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { pageSecretProtocolPrefix } from '../../shared/contract/socket';

/**
 * Only loopback host names are served: a page elsewhere that rebinds its DNS name to 127.0.0.1
 * sends its own name as Host and is refused.
 */
export function isLoopbackHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  return [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(hostHeader.toLowerCase());
}

/** The same check for an Origin header (`http://host:port`); absent means a non-browser client. */
export function isOwnOrigin(originHeader: string | undefined, port: number): boolean {
  if (originHeader === undefined) return true;
  return originHeader.startsWith('http://') && isLoopbackHost(originHeader.slice('http://'.length), port);
}

/**
 * The local API key as API clients send it: `Authorization: Bearer` or `x-api-key`. Never a cookie or
 * the query string: a browser sends cookies to every port on 127.0.0.1, so any local page could spend with it.
 */
export function presentedApiKey(headers: IncomingHttpHeaders): string | undefined {
  const authorization = headers.authorization;
  if (authorization !== undefined && /^bearer /i.test(authorization)) return authorization.slice(7).trim();
  const apiKey = headers['x-api-key'];
  return typeof apiKey === 'string' ? apiKey.trim() : undefined;
}

/** The page secret a browser-mode socket offers as a subprotocol (`switchboard-session.<secret>`). */
export function presentedPageSecret(headers: IncomingHttpHeaders): string | undefined {
  const offered = (headers['sec-websocket-protocol'] ?? '').split(',').map((protocol) => protocol.trim());
  return offered
    .find((protocol) => protocol.startsWith(pageSecretProtocolPrefix))
    ?.slice(pageSecretProtocolPrefix.length);
}

/** Compared in constant time; hashing first makes the lengths equal, so the length leaks nothing either. */
export function isSecretValid(presented: string | undefined, expected: string): boolean {
  if (presented === undefined || presented === '') return false;
  return timingSafeEqual(digest(presented), expectedDigest(expected));
}

// One-shot: no Hash object per request.
const digest = (value: string) => hash('sha256', value, 'buffer');

/** The server's own secrets are few and fixed: each is hashed once, not on every request. */
const expectedDigests = new Map<string, Buffer>();
function expectedDigest(expected: string): Buffer {
  let known = expectedDigests.get(expected);
  if (known === undefined) {
    if (expectedDigests.size >= 16) expectedDigests.clear();
    expectedDigests.set(expected, (known = digest(expected)));
  }
  return known;
}

const plainPath = /^\/(?:[\w-]+\/)*[\w-]*$/;

/** The path of a request target, or null when it is not a URL (`http://[/`): never throws. */
export function requestPath(target: string | undefined): string | null {
  // A plain path (no dots, escapes, query or backslashes) is its own pathname: no URL to parse.
  if (target !== undefined && plainPath.test(target)) return target;
  try {
    return new URL(target ?? '/', 'http://127.0.0.1').pathname;
  } catch {
    return null;
  }
}

/** True for `application/json`, with or without parameters such as `charset`. */
export function isJsonContentType(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase() === 'application/json';
}
