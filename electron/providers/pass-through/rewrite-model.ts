/**
 * The event with its first `"model": "<name>"` naming `served` instead: the client sees the target that
 * served (`endpoint-id/model`), as on every other path. The key is found as text, without re-serialising
 * the event; inside a JSON string the quotes would be escaped, so only a real key matches.
 */
export function rewriteModel(data: string, served: string, servedJson = JSON.stringify(served)): string {
  const key = data.indexOf('"model"');
  if (key === -1) return data;
  let index = key + 7;
  while (data.charCodeAt(index) === 32) index += 1;
  if (data.charCodeAt(index) !== 58) return data; // ':'
  index += 1;
  while (data.charCodeAt(index) === 32) index += 1;
  if (data.charCodeAt(index) !== 34) return data; // a string value only: '"'
  let end = index + 1;
  while (end < data.length) {
    const code = data.charCodeAt(end);
    if (code === 92)
      end += 2; // '\' escapes the next character
    else if (code === 34) break;
    else end += 1;
  }
  if (end >= data.length) return data;
  return data.slice(0, index) + servedJson + data.slice(end + 1);
}
