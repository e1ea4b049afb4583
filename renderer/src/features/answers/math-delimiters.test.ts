import { describe, expect, it } from 'vitest';
import { normalizeMathDelimiters, splitOutsideCode } from './math-delimiters';

describe('math written with \\( \\) and \\[ \\]', () => {
  it('becomes $ and $$ math, keeping \\, and the rest of the text', () => {
    expect(normalizeMathDelimiters('So \\(a\\,b\\) holds.')).toBe('So $a\\,b$ holds.');
    expect(normalizeMathDelimiters('Area:\n\\[\n\\pi r^2 \\,\\mathrm{m}^2\n\\]\nDone.')).toBe(
      'Area:\n$$\n\\pi r^2 \\,\\mathrm{m}^2\n$$\nDone.',
    );
    expect(normalizeMathDelimiters('inline \\[x^2\\] here')).toBe('inline $$x^2$$ here');
  });

  it('is left alone inside code spans and fences, even a fence still being written', () => {
    const text = 'Use `\\(x\\)` or\n```tex\n\\[ y \\]\n```\nthen \\(z\\)';
    expect(normalizeMathDelimiters(text)).toBe('Use `\\(x\\)` or\n```tex\n\\[ y \\]\n```\nthen $z$');
    expect(normalizeMathDelimiters('```\n\\(a\\)\n\\(b\\)')).toBe('```\n\\(a\\)\n\\(b\\)');
  });

  it('keeps prices as text and $-math as math', () => {
    expect(normalizeMathDelimiters('It costs $5 and $10 a month.')).toBe('It costs \\$5 and \\$10 a month.');
    expect(normalizeMathDelimiters('Pay $ 5 now')).toBe('Pay \\$ 5 now');
    expect(normalizeMathDelimiters('So $a\\,b$ and $2x$, not $5.')).toBe('So $a\\,b$ and $2x$, not \\$5.');
    expect(normalizeMathDelimiters('$$\nx = $y$\n$$ and \\$3')).toBe('$$\nx = $y$\n$$ and \\$3');
    expect(normalizeMathDelimiters('`$5` costs $5')).toBe('`$5` costs \\$5');
    expect(normalizeMathDelimiters('From $5\n\nto 10$ later')).toBe('From \\$5\n\nto 10\\$ later');
  });

  it('cuts text into code and prose in order, losing nothing', () => {
    const text = 'a `b` c\n~~~py\nx\n~~~\nd ``e`f`` g';
    const pieces = splitOutsideCode(text);
    expect(pieces.map((piece) => piece.text).join('')).toBe(text);
    expect(pieces.filter((piece) => piece.isCode).map((piece) => piece.text)).toEqual([
      '`b`',
      '~~~py\nx\n~~~',
      '``e`f``',
    ]);
  });
});
