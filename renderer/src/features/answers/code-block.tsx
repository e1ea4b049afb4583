import { useEffect, useState, type CSSProperties } from 'react';
import type { ThemedToken } from 'shiki/core';
import { CopyButton } from '../../ui/copy-button';
import { highlight } from './highlighter';

/**
 * A fenced code block: its language, a Copy button for exactly its code, and the code highlighted
 * once the block is finished (a block still streaming, or a very big one, stays plain).
 */
export function CodeBlock({ code, language, isGrowing }: { code: string; language: string; isGrowing: boolean }) {
  const [lines, setLines] = useState<{ code: string; tokens: ThemedToken[][] } | null>(null);
  useEffect(() => {
    if (isGrowing || !language) return;
    let isCurrent = true;
    highlight(code, language).then(
      (tokens) => isCurrent && tokens && setLines({ code, tokens }),
      () => undefined, // Highlighting is a nicety: the plain code stays.
    );
    return () => {
      isCurrent = false;
    };
  }, [code, language, isGrowing]);
  const label = language || 'text';
  const tokens = lines?.code === code ? lines.tokens : null;
  return (
    <figure className="code-block" aria-label={`${label} code`}>
      <figcaption className="code-header">
        <span className="code-language">{label}</span>
        <CopyButton text={code} label="Copy code" />
      </figcaption>
      <pre>
        <code className={tokens ? 'shiki' : undefined}>
          {tokens
            ? tokens.map((line, index) => (
                <span key={index} className="code-line">
                  {line.map((token, tokenIndex) => (
                    <span key={tokenIndex} style={token.htmlStyle as CSSProperties}>
                      {token.content}
                    </span>
                  ))}
                  {index < tokens.length - 1 && '\n'}
                </span>
              ))
            : code}
        </code>
      </pre>
    </figure>
  );
}
