import 'katex/dist/katex.min.css';
import type { Element } from 'hast';
import { Fragment, memo, useRef, type ReactElement } from 'react';
import Markdown, { type Components, type Options } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import { CodeBlock } from './code-block';
import { createBlockRenderer, hasOpenDisplayMath, isPlainTextBlock } from './markdown-blocks';
import { mathHtml } from './math-html';
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

const textOf = (element: Element) =>
  element.children.map((child) => (child.type === 'text' ? child.value : '')).join('');

const classesOf = (element: Element) =>
  Array.isArray(element.properties.className) ? element.properties.className.map(String) : [];

/** remark-math's classes (and a ```math fence's): the element is math to render with KaTeX. */
const isMath = (classes: string[]) =>
  classes.includes('language-math') || classes.includes('math-inline') || classes.includes('math-display');

/**
 * One formula as KaTeX renders it, kept per source (math-html.ts) and skipped by React while its source is the same:
 * a streaming block is parsed again on every update, its finished formulas are not rendered again.
 */
const MathView = memo(function MathView({ source, displayMode }: { source: string; displayMode: boolean }) {
  const html = { __html: mathHtml(source, displayMode) };
  return displayMode ? (
    <div className="math-display" dangerouslySetInnerHTML={html} />
  ) : (
    <span className="math-inline" dangerouslySetInnerHTML={html} />
  );
});

const inlineCode: Components['code'] = ({ node, children, className }) =>
  node && isMath(classesOf(node)) ? (
    <MathView source={textOf(node)} displayMode={classesOf(node).includes('math-display')} />
  ) : (
    <code className={className}>{children}</code>
  );

function codeBlock(isGrowing: boolean, hasMath: boolean): Components['pre'] {
  return function Pre({ node }) {
    const code = node?.children[0];
    if (!code || code.type !== 'element' || code.tagName !== 'code') return <pre />;
    const text = textOf(code);
    const classes = classesOf(code);
    // Display math (`$$`, a ```math fence) is shown as a formula, not as code.
    if (hasMath && isMath(classes)) return <MathView source={text} displayMode />;
    const language = classes.find((name) => name.startsWith('language-'))?.slice('language-'.length) ?? '';
    return <CodeBlock code={text.replace(/\n$/, '')} language={language} isGrowing={isGrowing} />;
  };
}

const shared = { disallowedElements: ['img'], unwrapDisallowed: true } satisfies Options;
const finished: Options = {
  ...shared,
  remarkPlugins: [remarkGfm, remarkMath],
  components: { a: link, code: inlineCode, pre: codeBlock(false, true) },
};
const growing: Options = { ...finished, components: { a: link, code: inlineCode, pre: codeBlock(true, true) } };
// Display math still open while it streams shows as text until its `$$` closes, not as a KaTeX error.
const growingOpenMath: Options = {
  ...shared,
  remarkPlugins: [remarkGfm],
  components: { a: link, pre: codeBlock(true, false) },
};

/** Parses one block now (Markdown is a plain function), so a finished block's result can be kept. */
function renderBlock(block: string, isGrowing: boolean): ReactElement {
  if (isPlainTextBlock(block)) return <p className="plain-text-block">{block.trim()}</p>;
  const options = !isGrowing ? finished : hasOpenDisplayMath(block) ? growingOpenMath : growing;
  return Markdown({ ...options, children: block });
}
