import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export const browserModeCsp =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/**
 * The file under `root` a URL path names; null when it would leave `root`, 'malformed' when the
 * path has an escape that is not one (`/%E0%A4%A`).
 */
export function resolveStaticPath(root: string, urlPath: string): string | null | 'malformed' {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return 'malformed';
  }
  const relative = decoded.replace(/^\/+/, '') || 'index.html';
  const full = resolve(root, relative);
  return full === root || full.startsWith(root + sep) ? full : null;
}

/** Serves the built renderer; unknown paths get index.html so the app handles them. */
export async function serveStatic(root: string, urlPath: string, response: ServerResponse): Promise<void> {
  const path = resolveStaticPath(resolve(root), urlPath);
  if (path === 'malformed') {
    response
      .writeHead(400, { 'content-type': 'text/plain; charset=utf-8' })
      .end('The address is not valid: each % must be followed by two hexadecimal digits of UTF-8.');
    return;
  }
  if (path === null) {
    response.writeHead(404).end();
    return;
  }
  let body: Buffer;
  let file = path;
  try {
    body = await readFile(file);
  } catch {
    if (extname(path) !== '') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    file = resolve(root, 'index.html');
    try {
      body = await readFile(file);
    } catch {
      response
        .writeHead(503, { 'content-type': 'text/plain' })
        .end(`The app is not built: ${file} is missing. Run \`npm run build\` and reload.`);
      return;
    }
  }
  response.writeHead(200, {
    'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
    'content-security-policy': browserModeCsp,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  response.end(body);
}
