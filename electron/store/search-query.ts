/** At most this many words of a search are used. */
const maxWords = 16;

/**
 * What a person typed as an FTS5 query: every word must appear, each also as the start of a longer word
 * ("pars" finds "Paris"). Quoting each word keeps FTS5's operators and punctuation out of it, so no search
 * can be a syntax error. Null when there is no word to look for.
 */
export function toMatchQuery(text: string): string | null {
  const words = text.match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
  if (words.length === 0) return null;
  return words
    .slice(0, maxWords)
    .map((word) => `"${word}"*`)
    .join(' ');
}
