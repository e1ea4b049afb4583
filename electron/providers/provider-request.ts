import { Agent as HttpAgent, request as httpRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { httpError } from './http-error';
import { hopHeader, redirectRefusal, redirectStatuses } from './provider-fetch';
import { toProviderError } from './to-provider-error';
import type { ProviderTarget } from './types';

// Kept-alive sockets, pooled per origin by the agent: a call to a provider reuses the last call's connection.
const agents = {
  'http:': new HttpAgent({ keepAlive: true, maxFreeSockets: 64 }),
  'https:': new HttpsAgent({ keepAlive: true, maxFreeSockets: 64 }),
};

/** Parsed request options per URL: a base URL and a path, so as many as the config has. */
const parsed = new Map<string, RequestOptions & { isHttps: boolean }>();
const maxParsed = 256;

function optionsFor(url: string): RequestOptions & { isHttps: boolean } {
  let options = parsed.get(url);
  if (options !== undefined) return options;
  const { protocol, hostname, port, pathname, search } = new URL(url);
  if (protocol !== 'http:' && protocol !== 'https:') throw new TypeError(`${protocol} is not an HTTP address`);
  options = {
    isHttps: protocol === 'https:',
    // URL keeps IPv6 hosts in brackets; the socket wants the address alone.
    hostname: hostname.startsWith('[') ? hostname.slice(1, -1) : hostname,
    port: port === '' ? undefined : Number(port),
    path: pathname + search,
    method: 'POST',
    agent: agents[protocol],
  };
  if (parsed.size >= maxParsed) parsed.clear();
  parsed.set(url, options);
  return options;
}

/**
 * POSTs a JSON body to a provider over a kept-alive socket and resolves with its answer once the status is
 * in: a 2xx as the response to read, anything else thrown as a ProviderError (a redirect is refused and never
 * followed: it would resend the key). Marks the hop like every provider request.
 */
export function postToProvider(
  target: Pick<ProviderTarget, 'endpoint' | 'apiKey'>,
  url: string,
  headers: Record<string, string>,
  body: string,
  signal: AbortSignal | undefined,
): Promise<IncomingMessage> {
  const { endpoint, apiKey } = target;
  return new Promise((resolve, reject) => {
    let options: RequestOptions & { isHttps: boolean };
    try {
      options = optionsFor(url);
    } catch (error) {
      reject(toProviderError(error, endpoint.id, apiKey));
      return;
    }
    if (signal?.aborted) {
      reject(toProviderError(signal.reason, endpoint.id, apiKey));
      return;
    }
    const request = (options.isHttps ? httpsRequest : httpRequest)({
      ...options,
      headers: { ...headers, [hopHeader]: '1', 'content-length': Buffer.byteLength(body) },
    });
    let answer: IncomingMessage | undefined;
    // Aborting ends the request only while it runs: an answer read to its end keeps its socket for the next call.
    const abort = () => {
      if (answer?.complete) return;
      request.destroy(signal!.reason instanceof Error ? signal!.reason : new Error('aborted'));
    };
    const release = () => signal?.removeEventListener('abort', abort);
    signal?.addEventListener('abort', abort, { once: true });
    request.once('close', release);
    request.on('error', (error) =>
      reject(toProviderError(signal?.aborted ? signal.reason : error, endpoint.id, apiKey)),
    );
    request.on('response', (response) => {
      answer = response;
      response.once('end', release);
      const status = response.statusCode ?? 0;
      if (status >= 200 && status < 300) return resolve(response);
      if (redirectStatuses.has(status)) {
        response.resume();
        const location = response.headers.location;
        reject(redirectRefusal(target, status, typeof location === 'string' ? location : null, url));
        return;
      }
      const parts: Buffer[] = [];
      let size = 0;
      response.on('data', (part: Buffer) => {
        // An error body is read for its message only: a few KiB say it.
        if (size < 64 * 1024) parts.push(part);
        size += part.length;
      });
      response.on('error', (error) => reject(toProviderError(error, endpoint.id, apiKey)));
      response.on('end', () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(response.headers)) {
          if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
        }
        const init = { status: status < 200 || status > 599 ? 502 : status, headers };
        let whole: Response;
        try {
          whole = new Response(Buffer.concat(parts), { ...init, statusText: response.statusMessage });
        } catch {
          // A status text fetch would not accept: the status says enough.
          whole = new Response(Buffer.concat(parts), init);
        }
        void httpError(whole, url, endpoint.id, apiKey).then(reject, reject);
      });
    });
    request.end(body);
  });
}
