import type { ServerResponse } from 'node:http';
import { toHeaderValue } from './header-value';

/** How long a streaming client waits in silence before the 200 is committed and keep-alives start. */
export const defaultKeepAliveMs = 10_000;

/**
 * A streaming answer in server-sent events. While no text has come (a slow provider, a failover),
 * after `keepAliveMs` the 200 and its headers are committed and a `: keep-alive` comment is sent
 * every `keepAliveMs`, so the client and any proxy know the call is alive.
 */
export function createSseResponse(response: ServerResponse, keepAliveMs: number) {
  let isCommitted = false;
  let timer: NodeJS.Timeout | undefined;

  const commit = (headers: Record<string, string>) => {
    if (isCommitted) return;
    isCommitted = true;
    const safeHeaders = Object.fromEntries(
      Object.entries(headers).map(([name, value]) => [name, toHeaderValue(value)]),
    );
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      ...safeHeaders,
    });
  };
  const stopKeepAlive = () => {
    clearInterval(timer);
    timer = undefined;
  };
  const startKeepAlive = () => {
    timer = setInterval(() => {
      // An answer already sent another way (an error before the first token) needs no keep-alive.
      if (response.writableEnded || (response.headersSent && !isCommitted)) return stopKeepAlive();
      // Committed without the target header: it is not known yet, and each chunk's `model` names it.
      commit({});
      response.write(': keep-alive\n\n');
    }, keepAliveMs);
    timer.unref();
  };
  response.on('close', stopKeepAlive);

  return {
    get isCommitted() {
      return isCommitted;
    },
    startKeepAlive,
    stopKeepAlive,
    commit,
    /** One `data:` event. */
    send(data: unknown) {
      response.write(`data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`);
    },
    end(data?: unknown) {
      stopKeepAlive();
      if (data !== undefined) this.send(data);
      response.end();
    },
  };
}
