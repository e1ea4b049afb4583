import katex from 'katex';
import { createMemoCache } from './memo-cache';

/** How many math sources keep their KaTeX markup: every formula of several long answers. */
export const mathCacheSize = 2000;

/**
 * KaTeX's markup for one formula, as rehype-katex made it: a formula KaTeX cannot parse shows in its error colour
 * (its source kept), and one that makes KaTeX itself fail shows as a `katex-error` span naming the error.
 */
export function renderMath(source: string, displayMode: boolean): string {
  try {
    return katex.renderToString(source, { displayMode, throwOnError: true });
  } catch (error) {
    try {
      return katex.renderToString(source, { displayMode, strict: 'ignore', throwOnError: false });
    } catch {
      return `<span class="katex-error" style="color:#cc0000" title="${escapeHtml(String(error))}">${escapeHtml(source)}</span>`;
    }
  }
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character]!,
  );
}

/**
 * `renderMath` remembered per source: a streaming answer's block is parsed again on every update, and KaTeX
 * then rendered each formula in it again (4.3 ms a paragraph with inline math instead of 0.4 ms).
 */
export function createMathRenderer(render: (source: string, displayMode: boolean) => string = renderMath) {
  const { get } = createMemoCache((key) => render(key.slice(1), key[0] === 'd'), mathCacheSize);
  return (source: string, displayMode: boolean) => get(`${displayMode ? 'd' : 'i'}${source}`);
}

export const mathHtml = createMathRenderer();
