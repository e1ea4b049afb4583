/**
 * Models write math as `\(...\)` and `\[...\]` as often as `$...$` and `$$...$$`; Markdown alone
 * would read `\(` as an escaped parenthesis. This rewrites the former into the latter outside code,
 * so the math plugin sees them (and their `\,` stays, since math content is taken as written).
 */
export function normalizeMathDelimiters(text: string): string {
  if (!text.includes('\\(') && !text.includes('\\[')) return text;
  return splitOutsideCode(text)
    .map((piece) => (piece.isCode ? piece.text : rewriteMath(piece.text)))
    .join('');
}

function rewriteMath(text: string): string {
  return text
    .replace(/(^|\n)([ \t]*)\\\[([\s\S]+?)\\\][ \t]*(?=\n|$)/g, (_, lineStart, indent, math: string) => {
      // On lines of its own: a display block.
      return `${lineStart}${indent}$$\n${math.trim()}\n${indent}$$`;
    })
    .replace(/\\\[([\s\S]+?)\\\]/g, (_, math: string) => `$$${math}$$`)
    .replace(/\\\(([\s\S]+?)\\\)/g, (_, math: string) => `$${math.trim()}$`);
}

/** The text cut into code (fenced blocks, inline code spans) and the rest, in order. */
export function splitOutsideCode(text: string): { text: string; isCode: boolean }[] {
  const pieces: { text: string; isCode: boolean }[] = [];
  // A fence runs to its closing fence, or to the end while it is still being written.
  const code =
    /^ {0,3}(`{3,}|~{3,})[^\n]*(?:\n[\s\S]*?(?:\n {0,3}\1[`~]*[ \t]*(?=\n|$)|(?![\s\S]))|$)|(`+)(?!`)[\s\S]*?[^`]\2(?!`)/gm;
  let last = 0;
  for (const match of text.matchAll(code)) {
    if (match.index > last) pieces.push({ text: text.slice(last, match.index), isCode: false });
    pieces.push({ text: match[0], isCode: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) pieces.push({ text: text.slice(last), isCode: false });
  return pieces;
}
