// Bytes on a plain TCP socket, for requests no well-behaved client would send.
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

/** Opens a TCP connection to 127.0.0.1:port. */
export async function openRaw(port: number): Promise<Socket> {
  const socket = connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  socket.on('error', () => {});
  return socket;
}

/** Everything the server sends until it closes the connection (or `timeoutMs` passes), as latin1 text. */
export function readAll(socket: Socket, timeoutMs = 5000): Promise<{ text: string; isClosed: boolean }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const done = (isClosed: boolean) => {
      clearTimeout(timer);
      resolve({ text: Buffer.concat(chunks).toString('latin1'), isClosed });
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.once('close', () => done(true));
  });
}

/** Sends `bytes` on a fresh connection and returns what came back before the server closed it. */
export async function rawExchange(port: number, bytes: string | Buffer, timeoutMs = 5000) {
  const socket = await openRaw(port);
  const reply = readAll(socket, timeoutMs);
  socket.write(bytes);
  const result = await reply;
  socket.destroy();
  return result;
}

/** A WebSocket handshake by hand, so the test can then write frames no client library would. */
export async function rawWebSocket(port: number, protocols: string[], origin = `http://127.0.0.1:${port}`) {
  const socket = await openRaw(port);
  const key = randomBytes(16).toString('base64');
  socket.write(
    `GET /bridge HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\nOrigin: ${origin}\r\n` +
      `Sec-WebSocket-Protocol: ${protocols.join(', ')}\r\n\r\n`,
  );
  const head = await new Promise<string>((resolve) => {
    let text = '';
    const onData = (chunk: Buffer) => {
      text += chunk.toString('latin1');
      if (text.includes('\r\n\r\n')) {
        socket.off('data', onData);
        resolve(text.slice(0, text.indexOf('\r\n\r\n')));
      }
    };
    socket.on('data', onData);
  });
  return { socket, head };
}

/** The close code in the first close frame among server frames (unmasked), or null. */
export function closeCode(frames: Buffer): number | null {
  let offset = 0;
  while (offset + 2 <= frames.length) {
    const opcode = frames[offset]! & 0x0f;
    let length = frames[offset + 1]! & 0x7f;
    let start = offset + 2;
    if (length === 126) {
      length = frames.readUInt16BE(start);
      start += 2;
    } else if (length === 127) {
      length = Number(frames.readBigUInt64BE(start));
      start += 8;
    }
    if (opcode === 0x8) return length >= 2 ? frames.readUInt16BE(start) : null;
    offset = start + length;
  }
  return null;
}
