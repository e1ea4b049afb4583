import { describe, expect, it } from 'vitest';
import { createMathRenderer, renderMath } from './math-html';

describe('math rendered by KaTeX', () => {
  it('renders inline and display math as KaTeX markup', () => {
    expect(renderMath('a^2 + b^2', false)).toMatch(/^<span class="katex">/);
    expect(renderMath('\\sum_k k', true)).toMatch(/^<span class="katex-display">/);
  });

  it('shows math KaTeX cannot parse in its error colour, with its source, instead of failing', () => {
    const html = renderMath('\\frac{1}{', false);
    expect(html).toContain('katex-error');
    expect(html).toContain('\\frac{1}{');
  });

  it('renders each formula once while an answer streams, inline and display apart', () => {
    const rendered: string[] = [];
    const mathHtml = createMathRenderer((source, displayMode) => {
      rendered.push(`${displayMode ? 'display' : 'inline'} ${source}`);
      return renderMath(source, displayMode);
    });
    // The same paragraph parsed again as it grows asks for its formulas again.
    for (let update = 0; update < 3; update += 1) {
      expect(mathHtml('x^2', false)).toBe(renderMath('x^2', false));
      expect(mathHtml('x^2', true)).toBe(renderMath('x^2', true));
    }
    expect(rendered).toEqual(['inline x^2', 'display x^2']);
  });
});
