import { describe, expect, it } from 'vitest';
import {
  createBlockRenderer,
  createBlockSplitter,
  isPlainTextBlock,
  maxMarkdownLineLength,
  splitBlocks,
} from './markdown-blocks';

const answer = [
  '# Title\n\n',
  'A paragraph\nover two lines.\n\n',
  '```js\nconst a = 1;\n\n\nconst b = 2;\n```\n\n',
  '| a | b |\n|---|---|\n| 1 | 2 |\n\n',
  '1. one\n\n2. two\n\n',
  '$$\nx = 1\n\ny = 2\n$$\n\n',
  'The end.',
].join('');

describe('an answer cut into Markdown blocks', () => {
  it('keeps fences, tables, loose lists and display math whole, and loses no character', () => {
    const blocks = splitBlocks(answer);
    expect(blocks.join('')).toBe(answer);
    expect(blocks).toEqual([
      '# Title\n\n',
      'A paragraph\nover two lines.\n\n',
      '```js\nconst a = 1;\n\n\nconst b = 2;\n```\n\n',
      '| a | b |\n|---|---|\n| 1 | 2 |\n\n',
      '1. one\n\n2. two\n\n',
      '$$\nx = 1\n\ny = 2\n$$\n\n',
      'The end.',
    ]);
  });

  it('keeps an answer with reference links whole, so the references resolve', () => {
    const text = 'See [the docs][d].\n\nMore.\n\n[d]: https://example.com\n';
    expect(splitBlocks(text)).toEqual([text]);
  });

  it('shows a block with a huge line as plain text, unless it is code', () => {
    const line = '{"a_b":[1,2],"c*d":"x"},'.repeat(maxMarkdownLineLength / 10);
    expect(splitBlocks(`Intro\n\n${line}\n\nEnd`)).toEqual(['Intro\n\n', `${line}\n\n`, 'End']);
    expect(isPlainTextBlock(`${line}\n\n`)).toBe(true);
    expect(isPlainTextBlock('```json\n' + line + '\n```')).toBe(false);
    expect(isPlainTextBlock('A paragraph of prose.\n'.repeat(1000))).toBe(false);
  });

  it('cuts a growing text the same as the whole text, batch by batch', () => {
    const split = createBlockSplitter();
    for (let end = 1; end <= answer.length; end += 7) {
      const text = answer.slice(0, end);
      expect(split(text)).toEqual(splitBlocks(text));
    }
    expect(split(answer)).toEqual(splitBlocks(answer));
  });
});

describe('a streaming answer rendered block by block', () => {
  it('renders each finished block once, and only the growing last block on every batch', () => {
    const renders: string[] = [];
    const render = createBlockRenderer((block, isGrowing) => {
      renders.push(block);
      return `${isGrowing ? 'growing' : 'done'}:${block}`;
    });
    const batches = ['# Title\n\nA para', 'graph\n\n```py\nprint(1)', '\n```\n\nTail'];
    let text = '';
    for (const batch of batches) {
      text += batch;
      render(text, false);
    }
    // Title was finished in the first batch and never rendered again; the paragraph once finished, etc.
    expect(renders.filter((block) => block === '# Title\n\n')).toHaveLength(1);
    expect(renders.filter((block) => block === 'A paragraph\n\n')).toHaveLength(1);
    expect(renders.filter((block) => block === '```py\nprint(1)\n```\n\n')).toHaveLength(1);
    const final = render(text, true);
    expect(final).toEqual(['done:# Title\n\n', 'done:A paragraph\n\n', 'done:```py\nprint(1)\n```\n\n', 'done:Tail']);
    // Finishing the answer renders only the last block anew.
    expect(renders.at(-1)).toBe('Tail');
    expect(renders.filter((block) => block === 'Tail')).toHaveLength(2);
  });
});
