/** Media types of the files and images a Responses request can carry, from a data: URL or a file name. */
const byExtension: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  pdf: 'application/pdf',
  txt: 'text/plain',
  md: 'text/markdown',
  csv: 'text/csv',
  html: 'text/html',
  json: 'application/json',
};

/** `{ mediaType, base64 }` of a `data:<type>;base64,<data>` URL; undefined when it is not one. */
export function parseDataUrl(url: string): { mediaType: string; base64: string } | undefined {
  const match = /^data:([\w.+-]+\/[\w.+-]+)?(?:;[\w-]+=[^;,]*)*;base64,(.*)$/s.exec(url);
  if (!match) return undefined;
  return { mediaType: match[1] ?? 'application/octet-stream', base64: match[2]! };
}

/** The media type a file name or URL path implies by its extension; undefined when unknown. */
export function mediaTypeFromName(name: string): string | undefined {
  const path = name.split(/[?#]/)[0]!;
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  return extension ? byExtension[extension] : undefined;
}
