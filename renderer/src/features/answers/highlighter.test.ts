import { describe, expect, it } from 'vitest';
import { highlight, languageId, maxHighlightedLength } from './highlighter';

describe('code blocks highlighted by language', () => {
  it('names the language from the fence, aliases included, and knows which it does not highlight', () => {
    expect(languageId('ts')).toBe('typescript');
    expect(languageId('Python')).toBe('python');
    expect(languageId('sh')).toBe('bash');
    expect(languageId('klingon')).toBeNull();
  });

  it('gives tokens with a colour for the light and the dark theme, keeping the code as it is', async () => {
    const code = 'const answer: number = 42; // the answer\nexport default answer;';
    const lines = await highlight(code, 'ts');
    expect(lines).toHaveLength(2);
    expect(lines!.map((line) => line.map((token) => token.content).join('')).join('\n')).toBe(code);
    const keyword = lines![0]!.find((token) => token.content === 'const')!;
    expect(keyword.htmlStyle).toMatchObject({
      '--shiki-light': expect.any(String),
      '--shiki-dark': expect.any(String),
    });
    const shell = await highlight('echo "$HOME" | wc -c', 'bash');
    expect(shell!.flat().length).toBeGreaterThan(3);
  });

  it('highlights a block once while it is kept: 8 panes showing the same code, a list scrolled back', async () => {
    const code = 'print("the same block in every pane")';
    const first = await highlight(code, 'python');
    expect(first!.length).toBe(1);
    expect(await highlight(code, 'python')).toBe(first);
    expect(await highlight(code, 'py')).not.toBe(first);
  });

  it('leaves unknown languages and very big blocks plain', async () => {
    expect(await highlight('whatever', 'klingon')).toBeNull();
    expect(await highlight('x'.repeat(maxHighlightedLength + 1), 'js')).toBeNull();
    expect(await highlight(`const a = "${'y'.repeat(5000)}";`, 'js')).toBeNull();
  });
});
