import type { IncomingMessage } from 'node:http';

/** The largest request body the local API reads. */
export const maxBodyBytes = 8 * 1024 * 1024;

export type JsonBody = { ok: true; value: unknown } | { ok: false; status: 400 | 413; message: string };

/** Reads a JSON body up to `maxBytes`; a larger one is a 413 before it is all read, bad JSON a 400. */
export async function readJsonBody(request: IncomingMessage, maxBytes = maxBodyBytes): Promise<JsonBody> {
  const tooLarge = {
    ok: false,
    status: 413,
    message: `The request body is over ${maxBytes / 1024 / 1024} MiB, the most Switchboard reads: send a shorter conversation.`,
  } as const;
  if (Number(request.headers['content-length'] ?? 0) > maxBytes) return tooLarge;
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of request as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) return tooLarge;
      chunks.push(chunk);
    }
  } catch (error) {
    return { ok: false, status: 400, message: `The request body did not arrive whole: ${(error as Error).message}` };
  }
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
  } catch (error) {
    return { ok: false, status: 400, message: `The body is not valid JSON: ${(error as Error).message}` };
  }
}
