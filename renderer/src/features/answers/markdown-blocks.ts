import { Lexer } from 'marked';

/**
 * An answer cut into its top-level Markdown blocks (paragraphs, fences, tables, lists...), so a
 * streaming answer re-parses only its last block: the ones before it are finished and keep their text.
 * Cutting is only a boundary search; each block is still parsed by the real Markdown renderer.
 */
export function splitBlocks(text: string): string[] {
  // Reference-style link definitions apply across blocks: such an answer stays one block.
  let tokens;
  try {
    // Block boundaries only: inline content is left to the Markdown renderer.
    tokens = new Lexer({ gfm: true }).blockTokens(text);
  } catch {
    return text ? [text] : [];
  }
  if (tokens.some((token) => token.type === 'def')) return [text];
  const blocks: string[] = [];
  let length = 0;
  for (const token of tokens) {
    length += token.raw.length;
    const previous = blocks.length - 1;
    // Blank lines belong to the block before them; `$$` display math may hold blank lines.
    if (previous >= 0 && (token.type === 'space' || hasOpenDisplayMath(blocks[previous]!))) {
      blocks[previous] += token.raw;
    } else {
      blocks.push(token.raw);
    }
  }
  // The lexer normalises line endings; when its pieces do not add up to the text, keep the text whole.
  return length === text.length ? blocks : [text];
}

/**
 * Above this many characters on one line, a block that is not code is shown as plain text: Markdown's
 * inline parsing slows down steeply on a long line full of `*` and `_` (200 KB of JSON took 10 s).
 */
export const maxMarkdownLineLength = 10_000;

export function isPlainTextBlock(block: string): boolean {
  if (block.length <= maxMarkdownLineLength || /^ {0,3}(`{3,}|~{3,})/.test(block)) return false;
  return block.split('\n').some((line) => line.length > maxMarkdownLineLength);
}

/** Whether a block opened `$$` display math it has not closed yet. */
export function hasOpenDisplayMath(block: string): boolean {
  return (block.match(/\$\$/g)?.length ?? 0) % 2 === 1;
}

/**
 * Cuts a growing text into blocks again, reusing the finished ones: only the text from the start of
 * the previous last block on is looked at anew, so the cost per batch follows the last block, not the answer.
 */
export function createBlockSplitter(split: (text: string) => string[] = splitBlocks) {
  let previousText = '';
  let previousBlocks: string[] = [];
  return (text: string): string[] => {
    if (previousBlocks.length > 1 && text.startsWith(previousText)) {
      const kept = previousBlocks.slice(0, -1);
      const offset = kept.reduce((sum, block) => sum + block.length, 0);
      previousBlocks = [...kept, ...split(text.slice(offset))];
    } else {
      previousBlocks = split(text);
    }
    previousText = text;
    return previousBlocks;
  };
}

/**
 * Renders an answer block by block, keeping what a finished block rendered to: a streaming answer
 * renders only its last (unfinished) block per batch. `render` gets whether the block may still grow.
 */
export function createBlockRenderer<T>(render: (block: string, isGrowing: boolean) => T) {
  const splitter = createBlockSplitter();
  let finished = new Map<string, T>();
  return (text: string, isComplete: boolean): T[] => {
    const blocks = splitter(text);
    const next = new Map<string, T>();
    const rendered = blocks.map((block, index) => {
      const isGrowing = !isComplete && index === blocks.length - 1;
      if (isGrowing) return render(block, true);
      const key = `${index}\u0000${block}`;
      const result = finished.get(key) ?? render(block, false);
      next.set(key, result);
      return result;
    });
    finished = next;
    return rendered;
  };
}
