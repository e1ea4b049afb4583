import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';

/**
 * An answer as Markdown (models write it): no raw HTML, no remote images (the page loads nothing from
 * elsewhere), and links open outside the app.
 */
export function AnswerText({ text }: { text: string }) {
  return (
    <div className="answer-text">
      <Markdown
        remarkPlugins={[remarkGfm]}
        disallowedElements={['img']}
        unwrapDisallowed
        components={{
          a: ({ href, children }) => (
            <a href={href} target="_blank" rel="noreferrer noopener">
              {children}
            </a>
          ),
        }}
      >
        {text}
      </Markdown>
    </div>
  );
}
