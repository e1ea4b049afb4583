/**
 * A header value that `writeHead` always accepts: visible ASCII stays as it is; everything else
 * (spaces, controls, non-ASCII such as `fake/你好`) and `%` itself is percent-encoded as UTF-8, so
 * `decodeURIComponent` gives the original back. Lone surrogates become U+FFFD.
 */
export function toHeaderValue(text: string): string {
  let value = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const isVisible = byte >= 0x21 && byte <= 0x7e && byte !== 0x25;
    value += isVisible ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return value;
}
