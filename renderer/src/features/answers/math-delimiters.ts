/**
 * Models write math as `\(...\)` and `\[...\]` as often as `$...$` and `$$...$$`; Markdown alone
 * would read `\(` as an escaped parenthesis. This rewrites the former into the latter outside code,
 * so the math plugin sees them (and their `\,` stays, since math content is taken as written).
 */
export function normalizeMathDelimiters(text: string): string {
  if (!text.includes('$') && !text.includes('\\(') && !text.includes('\\[')) return text;
  return splitOutsideCode(text)
    .map((piece) => (piece.isCode ? piece.text : escapeCurrency(rewriteMath(piece.text))))
    .join('');
}

/**
 * Keeps prices as text: a lone `$` is math only when it opens with no space after it and a closing
 * `$` in the same paragraph has no space before it and no digit after it (Pandoc's rule), so
 * "from $5 to $10" stays prose while `$x$` and `$2x$` are math. Other lone `$` are escaped.
 */
export function escapeCurrency(text: string): string {
  let result = '';
  let index = 0;
  while (index < text.length) {
    const dollar = text.indexOf('$', index);
    if (dollar < 0) break;
    result += text.slice(index, dollar);
    const run = /^\$+/.exec(text.slice(dollar, dollar + 8))![0].length;
    if (run > 1 || text[dollar - 1] === '\\') {
      result += text.slice(dollar, dollar + run);
      index = dollar + run;
      continue;
    }
    const closing = /\S/.test(text[dollar + 1] ?? '') ? findClosingDollar(text, dollar + 1) : -1;
    if (closing < 0) {
      result += '\\$';
      index = dollar + 1;
    } else {
      result += text.slice(dollar, closing + 1);
      index = closing + 1;
    }
  }
  return result + text.slice(index);
}

function findClosingDollar(text: string, from: number): number {
  const paragraphEnd = text.indexOf('\n\n', from);
  const end = paragraphEnd < 0 ? text.length : paragraphEnd;
  for (let index = text.indexOf('$', from); index >= 0 && index < end; index = text.indexOf('$', index + 1)) {
    if (text[index - 1] === '\\' || text[index + 1] === '$') continue;
    if (/\s/.test(text[index - 1]!) || /\d/.test(text[index + 1] ?? '')) continue;
    return index;
  }
  return -1;
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
