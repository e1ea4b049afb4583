// The bench's fixed parts: a fake OpenAI-compatible provider, a bare Node pass-through proxy, and one HTTP client
// used for every path, so each path is measured by the same code.
import { once } from 'node:events';
import { Agent, createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const deltaText = 'tok ';

function chunk(model: string, delta: Record<string, unknown>, finish: string | null = null, usage?: unknown) {
  const body = { id: 'chatcmpl-b', object: 'chat.completion.chunk', created: 0, model, choices: [] as unknown[] };
  body.choices = usage ? [] : [{ index: 0, delta, finish_reason: finish }];
  return `data: ${JSON.stringify(usage ? { ...body, usage } : body)}\n\n`;
}

/** A streamed answer of `deltas` content events, usage, then [DONE]. */
function streamEvents(model: string, deltas: number): string[] {
  const events = [chunk(model, { role: 'assistant', content: '' })];
  for (let index = 0; index < deltas; index += 1) events.push(chunk(model, { content: deltaText }));
  events.push(chunk(model, {}, 'stop'));
  events.push(chunk(model, {}, null, { prompt_tokens: 5, completion_tokens: deltas, total_tokens: deltas + 5 }));
  events.push('data: [DONE]\n\n');
  return events;
}

async function listen(server: Server): Promise<string> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export interface Peer {
  url: string;
  close(): Promise<void>;
}

async function closeServer(server: Server) {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

/**
 * The provider: model `long` streams 5,000 deltas (50 events a write), models starting `rl` answer 429, `busy`
 * 503; anything else a 20-delta stream in one write, or a JSON answer when not streaming.
 */
export async function startUpstream(): Promise<Peer> {
  const cached = new Map<string, string>();
  const server = createServer((request, response) => {
    const parts: Buffer[] = [];
    request.on('data', (part: Buffer) => parts.push(part));
    request.on('end', () => {
      const body = JSON.parse(Buffer.concat(parts).toString()) as { model: string; stream?: boolean };
      const { model } = body;
      if (model.startsWith('rl') || model === 'busy') {
        const status = model === 'busy' ? 503 : 429;
        const headers = { 'content-type': 'application/json', ...(status === 429 ? { 'retry-after': '30' } : {}) };
        response.writeHead(status, headers).end(JSON.stringify({ error: { message: 'try later', type: 'x' } }));
        return;
      }
      if (!body.stream) {
        response.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            id: 'chatcmpl-b',
            object: 'chat.completion',
            created: 0,
            model,
            choices: [
              { index: 0, message: { role: 'assistant', content: deltaText.repeat(20) }, finish_reason: 'stop' },
            ],
            usage: { prompt_tokens: 5, completion_tokens: 20, total_tokens: 25 },
          }),
        );
        return;
      }
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      if (model !== 'long') {
        let text = cached.get(model);
        if (text === undefined) cached.set(model, (text = streamEvents(model, 20).join('')));
        response.end(text);
        return;
      }
      // As fast as the reader takes them, 50 events a write.
      const events = streamEvents(model, 5000);
      let at = 0;
      const pump = () => {
        while (at < events.length && !response.destroyed) {
          const isRoom = response.write(events.slice(at, at + 50).join(''));
          at += 50;
          if (!isRoom) return void response.once('drain', pump);
        }
        response.end();
      };
      pump();
    });
  });
  const url = await listen(server);
  return { url, close: () => closeServer(server) };
}

/** The floor for one hop: forwards request and response bytes as they come, nothing else. */
export async function startBareProxy(upstream: string): Promise<Peer> {
  const target = new URL(upstream);
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
  const server = createServer((request, response) => {
    const upstreamRequest = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path: request.url,
        method: request.method,
        headers: request.headers,
        agent,
      },
      (upstreamResponse) => {
        response.writeHead(upstreamResponse.statusCode ?? 502, upstreamResponse.headers);
        upstreamResponse.pipe(response);
      },
    );
    upstreamRequest.on('error', () => response.destroy());
    request.pipe(upstreamRequest);
  });
  const url = await listen(server);
  return {
    url,
    close: async () => {
      agent.destroy();
      await closeServer(server);
    },
  };
}

export interface CallTiming {
  ttftMs: number;
  totalMs: number;
  events: number;
}

const clientAgent = new Agent({ keepAlive: true, maxSockets: Infinity });
export const closeClient = () => clientAgent.destroy();

/**
 * One chat completion over HTTP: time to the first content delta (streaming) or to the whole body, and the
 * number of SSE events received. Rejects on any status but 200.
 */
export function callHttp(
  base: string,
  token: string,
  model: string,
  isStream: boolean,
  headers: Record<string, string> = {},
): Promise<CallTiming> {
  const url = new URL(`${base}/chat/completions`);
  const body = JSON.stringify({ model, messages: [{ role: 'user', content: 'Hi' }], stream: isStream });
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const request = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        agent: clientAgent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${token}`,
          ...headers,
        },
      },
      (response: IncomingMessage) => {
        let ttftMs = 0;
        let events = 0;
        let tail = '';
        const errorParts: string[] = [];
        response.setEncoding('utf8');
        response.on('data', (text: string) => {
          if (response.statusCode !== 200) {
            errorParts.push(text);
            return;
          }
          if (isStream) {
            if (ttftMs === 0 && text.includes(`"content":"${deltaText}`)) ttftMs = performance.now() - start;
            const joined = tail + text;
            events += joined.split('\n\n').length - 1;
            tail = joined.slice(-1);
          }
        });
        response.on('end', () => {
          const totalMs = performance.now() - start;
          if (response.statusCode !== 200) {
            reject(new Error(`${model}: HTTP ${response.statusCode} ${errorParts.join('')}`));
            return;
          }
          resolve({ ttftMs: isStream ? ttftMs : totalMs, totalMs, events });
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
