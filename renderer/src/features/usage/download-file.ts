/**
 * Saves text as a file through the browser's own download (a Blob and a link): the same in browser mode and
 * in the desktop app, which asks where to save it.
 */
export function downloadFile(pieces: string[], name: string, type: string): void {
  const url = URL.createObjectURL(new Blob(pieces, { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference by now; a later revoke frees the text.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
