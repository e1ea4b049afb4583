import 'katex/dist/katex.min.css';
import { Fragment, useRef, type ReactElement } from 'react';
import Markdown, { type Components, type Options } from 'react-markdown';
import rehypeKatex from 'rehype-katex';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { CodeBlock } from './code-block';
import { createBlockRenderer, hasOpenDisplayMath, isPlainTextBlock } from './markdown-blocks';
import { normalizeMathDelimiters } from './math-delimiters';

/**
 * An answer as Markdown (models write it): GFM tables, math (KaTeX) and highlighted code; no raw
 * HTML, no remote images (the page loads nothing from elsewhere), and links open outside the app.
 * A streaming answer re-parses only its last block per batch (see markdown-blocks.ts).
 */
export function AnswerText({ text, isComplete = true }: { text: string; isComplete?: boolean }) {
  const render = useRef(createBlockRenderer(renderBlock)).current;
  const blocks = render(normalizeMathDelimiters(text), isComplete);
  return (
    <div className="answer-text">
      {blocks.map((block, index) => (
        <Fragment key={index}>{block}</Fragment>
      ))}
    </div>
  );
}

const link: Components['a'] = ({ href, children }) => (
  <a href={href} target="_blank" rel="noreferrer noopener">
    {children}
  </a>
);

function codeBlock(isGrowing: boolean): Components['pre'] {
  return function Pre({ node }) {
    const code = node?.children[0];
    if (!code || code.type !== 'element' || code.tagName !== 'code') return <pre />;
    const text = code.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
    const className = code.properties.className;
    const language = Array.isArray(className)
      ? (className
          .map(String)
          .find((name) => name.startsWith('language-'))
          ?.slice('language-'.length) ?? '')
      : '';
    return <CodeBlock code={text.replace(/\n$/, '')} language={language} isGrowing={isGrowing} />;
  };
}

const shared = { disallowedElements: ['img'], unwrapDisallowed: true } satisfies Options;
const finished: Options = {
  ...shared,
  remarkPlugins: [remarkGfm, remarkMath],
  rehypePlugins: [rehypeKatex],
  components: { a: link, pre: codeBlock(false) },
};
const growing: Options = { ...finished, components: { a: link, pre: codeBlock(true) } };
// Display math still open while it streams shows as text until its `$$` closes, not as a KaTeX error.
const growingOpenMath: Options = { ...growing, remarkPlugins: [remarkGfm], rehypePlugins: [] };

/** Parses one block now (Markdown is a plain function), so a finished block's result can be kept. */
function renderBlock(block: string, isGrowing: boolean): ReactElement {
  if (isPlainTextBlock(block)) return <p className="plain-text-block">{block.trim()}</p>;
  const options = !isGrowing ? finished : hasOpenDisplayMath(block) ? growingOpenMath : growing;
  return Markdown({ ...options, children: block });
}
