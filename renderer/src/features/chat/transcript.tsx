import { memo } from 'react';
import { useAppStore } from '../../store/app-store';
import type { ChatEntry } from '../../store/types';
import { StreamPane } from '../answers/stream-pane';
import { StoredAnswer } from './stored-answer';
import { useFollowBottom } from './use-follow-bottom';

/**
 * The open conversation, scrolling on its own between the toolbar and the composer; it follows a
 * streaming answer until the user scrolls up. It subscribes to the entries only, so typing in the
 * composer never renders it.
 */
export function Transcript() {
  const entries = useAppStore((state) => state.chat.entries);
  const { boxRef, contentRef, isAtBottom, scrollToBottom } = useFollowBottom<HTMLDivElement, HTMLOListElement>();
  return (
    <div className="transcript-scroll" ref={boxRef}>
      <ol className="transcript" aria-label="Conversation" ref={contentRef}>
        {entries.map((entry) => (
          <Entry key={entry.id} entry={entry} />
        ))}
      </ol>
      {!isAtBottom && (
        <button type="button" className="jump-to-latest" onClick={scrollToBottom}>
          Jump to the latest
        </button>
      )}
    </div>
  );
}

const Entry = memo(function Entry({ entry }: { entry: ChatEntry }) {
  return (
    <li className={`entry entry-${entry.role}`}>
      {entry.streamId ? (
        <StreamPane streamId={entry.streamId} />
      ) : entry.role === 'assistant' ? (
        <StoredAnswer entry={entry} />
      ) : entry.role === 'system' ? (
        <p className="system-prompt" aria-label="System prompt">
          {entry.content}
        </p>
      ) : (
        <p aria-label="You said">{entry.content}</p>
      )}
    </li>
  );
});
