/** A base64 `data:` URL's media type and payload; null for anything else. */
export function parseDataUrl(url: string): { mediaType: string; data: string } | null {
  const match = /^data:([^;,]+)((?:;[^;,=]+=[^;,]*)*);base64,(.*)$/is.exec(url);
  if (!match) return null;
  return { mediaType: match[1]!.toLowerCase(), data: match[3]! };
}

const imageTypesByExtension: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
  bmp: 'image/bmp',
  heic: 'image/heic',
  heif: 'image/heif',
};

/** An image URL's media type from its path's extension (`image/png`), or undefined when it has none we know. */
export function imageTypeFromUrl(url: URL): string | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(url.pathname)?.[1]?.toLowerCase();
  return extension ? imageTypesByExtension[extension] : undefined;
}
