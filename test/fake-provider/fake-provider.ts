import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { modelListBody } from './model-lists';
import { streamErrorEvent, syntheticEvents, syntheticJson, type SyntheticReply } from './synthetic-reply';
import { formatForPath, frameEvent, splitBytes, terminator, type WireFormat } from './wire-format';

/** What the fake answers one request with. */
export type FakeResponse =
  /** A capture's payload lines, framed as the provider frames them. */
  | { kind: 'replay'; chunks: string[]; split?: number | 'random'; crlf?: boolean; cutAfter?: number; delayMs?: number }
  /** A reply made up on the spot, in the format the request path implies. */
  | ({
      kind: 'text';
      delayMs?: number;
      errorAfterDeltas?: number;
      cutAfterDeltas?: number;
      /** Extra response headers, such as rate-limit ones. */
      headers?: Record<string, string>;
    } & SyntheticReply)
  | { kind: 'http-error'; status: number; body: unknown; headers?: Record<string, string> }
  /** Any JSON answer, for the endpoints that do not stream (embeddings, token counts). */
  | { kind: 'json'; body: unknown; status?: number }
  /** A 3xx pointing elsewhere (a moved API, or a host that wants the key). */
  | { kind: 'redirect'; status: 301 | 302 | 303 | 307 | 308; location: string }
  /** The connection is destroyed without an answer. */
  | { kind: 'reset' }
  /** Never answers: for timeouts. */
  | { kind: 'hang' };

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** Resolves when the client hung up before the answer ended. */
  aborted: Promise<void>;
}

export interface FakeProvider {
  /** `http://127.0.0.1:PORT`; append `/v1` (OpenAI, Anthropic) or `/v1beta` (Gemini) as the real base URLs do. */
  url: string;
  requests: RecordedRequest[];
  /** Answers the next request with this, then falls back to the default. */
  enqueue(...responses: FakeResponse[]): void;
  setDefault(response: FakeResponse): void;
  /** Drops queued responses, so one test's leftovers never answer the next. */
  clearQueue(): void;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function writePieces(
  response: ServerResponse,
  text: string,
  split: number | 'random' | undefined,
  delayMs: number,
) {
  for (const piece of splitBytes(Buffer.from(text), split)) {
    if (response.destroyed) return;
    response.write(piece);
    if (delayMs > 0) await sleep(delayMs);
  }
}

async function answer(
  format: WireFormat,
  isStream: boolean,
  reply: FakeResponse,
  request: IncomingMessage,
  response: ServerResponse,
) {
  switch (reply.kind) {
    case 'reset':
      request.socket.destroy();
      return;
    case 'hang':
      return;
    case 'http-error':
      response.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      response.end(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body));
      return;
    case 'json':
      response.writeHead(reply.status ?? 200, { 'content-type': 'application/json' }).end(JSON.stringify(reply.body));
      return;
    case 'redirect':
      response.writeHead(reply.status, { location: reply.location, 'content-type': 'text/plain' });
      response.end(`Moved to ${reply.location}`);
      return;
    case 'replay': {
      const lineEnd = reply.crlf ? '\r\n' : '\n';
      const chunks = reply.cutAfter === undefined ? reply.chunks : reply.chunks.slice(0, reply.cutAfter);
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      const body =
        chunks.map((chunk) => frameEvent(format, chunk, lineEnd)).join('') +
        (reply.cutAfter === undefined ? terminator(format, lineEnd) : '');
      await writePieces(response, body, reply.split, reply.delayMs ?? 0);
      response.end();
      return;
    }
    case 'text': {
      if (!isStream) {
        // A whole answer comes when it is all written: the delay stands for the time that takes.
        if (reply.delayMs) await sleep(reply.delayMs);
        response
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify(syntheticJson(format, reply)));
        return;
      }
      const { head, deltas, tail } = syntheticEvents(format, reply);
      response.writeHead(200, { 'content-type': 'text/event-stream', ...reply.headers });
      const write = (event: unknown) => response.write(frameEvent(format, JSON.stringify(event)));
      head.forEach(write);
      for (const [index, delta] of deltas.entries()) {
        if (index === reply.errorAfterDeltas) {
          const event = streamErrorEvent(format, 'The server had an error while processing your request.');
          if (event) write(event);
          response.end();
          return;
        }
        if (index === reply.cutAfterDeltas) {
          response.end();
          return;
        }
        write(delta);
        if (reply.delayMs) await sleep(reply.delayMs);
        if (response.destroyed) return;
      }
      tail.forEach(write);
      response.end(terminator(format));
    }
  }
}

/** The default answer of the endpoints that do not stream: embeddings and Anthropic's token count. */
function plainAnswer(path: string, body: { model?: string; input?: unknown } | undefined): FakeResponse | undefined {
  if (path.endsWith('/embeddings')) {
    const inputs = Array.isArray(body?.input) ? body.input : [body?.input];
    return {
      kind: 'json',
      body: {
        object: 'list',
        data: inputs.map((_, index) => ({ object: 'embedding', index, embedding: [0.25, -0.5, 0.125] })),
        model: body?.model ?? 'fake-embedding',
        usage: { prompt_tokens: 8 * inputs.length, total_tokens: 8 * inputs.length },
      },
    };
  }
  if (path.endsWith('/messages/count_tokens')) return { kind: 'json', body: { input_tokens: 42 } };
  return undefined;
}

/**
 * A provider API on 127.0.0.1 speaking the real wire formats, with faults on demand. With `models`, it
 * also lists them at `GET …/models` (OpenAI's shape) and `GET /api/tags` (Ollama's).
 */
export async function startFakeProvider(options: { models?: string[] } = {}): Promise<FakeProvider> {
  const queue: FakeResponse[] = [];
  let fallback: FakeResponse = { kind: 'text', text: 'Hello from the fake provider.' };
  const requests: RecordedRequest[] = [];

  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const path = new URL(request.url ?? '/', 'http://fake').pathname;
    const closed = once(response, 'close').then(() => undefined);
    const recorded: RecordedRequest = {
      method: request.method ?? 'GET',
      path,
      headers: request.headers,
      body: text ? JSON.parse(text) : undefined,
      aborted: closed.then(() => (response.writableFinished ? new Promise<void>(() => {}) : undefined)),
    };
    requests.push(recorded);
    const list = request.method === 'GET' && options.models ? modelListBody(path, options.models) : undefined;
    if (list) {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(list));
      return;
    }
    const plain = plainAnswer(path, recorded.body);
    if (plain) {
      await answer('openai-chat', false, queue.shift() ?? plain, request, response).catch(() => response.destroy());
      return;
    }
    const format = formatForPath(path);
    if (!format) {
      response
        .writeHead(404, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: { message: `no route ${path}` } }));
      return;
    }
    const isStream = format === 'google' ? path.includes(':stream') : recorded.body?.stream === true;
    await answer(format, isStream, queue.shift() ?? fallback, request, response).catch(() => response.destroy());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    enqueue: (...responses) => queue.push(...responses),
    setDefault: (response) => {
      fallback = response;
    },
    clearQueue: () => {
      queue.length = 0;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
