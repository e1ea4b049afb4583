import type { IncomingMessage } from 'node:http';

/** The largest request body the local API reads. */
export const maxBodyBytes = 8 * 1024 * 1024;

export type JsonBody = { ok: true; value: unknown } | { ok: false; status: 400 | 413; message: string };

/**
 * Reads a JSON body up to `maxBytes`; a larger one is a 413 before it is all read, bad JSON a 400.
 * Read with listeners, not an async iterator: every local API call reads one, and the iterator's machinery
 * cost more than the read.
 */
export function readJsonBody(request: IncomingMessage, maxBytes = maxBodyBytes): Promise<JsonBody> {
  const tooLarge = {
    ok: false,
    status: 413,
    message: `The request body is over ${maxBytes / 1024 / 1024} MiB, the most Switchboard reads: send a shorter conversation.`,
  } as const;
  if (Number(request.headers['content-length'] ?? 0) > maxBytes) return Promise.resolve(tooLarge);
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (body: JsonBody) => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
      request.off('close', onClose);
      resolve(body);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        // Not read further: the 413 goes out with `connection: close`, and the server closes the socket after it.
        request.pause();
        settle(tooLarge);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      try {
        const text = (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).toString('utf8');
        settle({ ok: true, value: JSON.parse(text) });
      } catch (error) {
        settle({ ok: false, status: 400, message: `The body is not valid JSON: ${(error as Error).message}` });
      }
    };
    const onError = (error: Error) =>
      settle({ ok: false, status: 400, message: `The request body did not arrive whole: ${error.message}` });
    // Closed before its end without an error: the client went away mid-body.
    const onClose = () => {
      if (!request.readableEnded) onError(new Error('Premature close'));
    };
    if (request.readableEnded) return onEnd();
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
    request.on('close', onClose);
  });
}
