import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { apiErrorBody } from './send-json';

/** What Node's parser reports, in the status and words a client can act on. */
function describe(code: string | undefined): { status: number; message: string } {
  switch (code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { status: 408, message: 'The request took too long to arrive; send it again in one go.' };
    case 'HPE_HEADER_OVERFLOW':
      return { status: 431, message: 'The request headers are too large.' };
    default:
      return { status: 400, message: 'The request is not valid HTTP.' };
  }
}

/**
 * The server's `clientError` handler: a request Node could not parse, or one that took too long,
 * gets a 4xx in OpenAI's error format and its connection closed; it never takes the server down.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  const isFresh = socket.writable && (socket as Duplex & { bytesWritten?: number }).bytesWritten === 0;
  if (error.code === 'ECONNRESET' || !isFresh) {
    socket.destroy();
    return;
  }
  const { status, message } = describe(error.code);
  const body = JSON.stringify(apiErrorBody(message, 'invalid_request_error', null));
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    () => socket.destroy(),
  );
}
