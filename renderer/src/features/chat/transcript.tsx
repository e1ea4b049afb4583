import { forwardRef, memo, useEffect, useLayoutEffect, useRef, useState, type HTMLAttributes } from 'react';
import {
  Virtuoso,
  type ItemProps,
  type ListProps,
  type ScrollSeekConfiguration,
  type ScrollSeekPlaceholderProps,
  type VirtuosoHandle,
} from 'react-virtuoso';
import { useAppStore } from '../../store/app-store';
import type { ChatEntry } from '../../store/types';
import { ChatAnswer } from './chat-answer';
import { UserMessage } from './user-message';
import { useFollowBottom } from './use-follow-bottom';

/** How far beyond the view (px) messages are drawn ahead, so a scroll rarely meets an empty space. */
const drawnAhead = { top: 800, bottom: 800 };

/** The list Virtuoso fills: an ordered list named for screen readers, its items placed by Virtuoso's padding. */
const TranscriptList = forwardRef<HTMLOListElement, ListProps>(function TranscriptList(props, ref) {
  return (
    <ol {...(props as HTMLAttributes<HTMLOListElement>)} ref={ref} className="transcript" aria-label="Conversation" />
  );
});

/** A message as a list item that says where it stands, since only the ones in view are in the page. */
function TranscriptItem({ item, context, ...props }: ItemProps<ChatEntry> & { context?: { count: number } }) {
  return (
    <li
      {...(props as HTMLAttributes<HTMLLIElement>)}
      aria-setsize={context?.count}
      aria-posinset={props['data-index'] + 1}
      className={`entry entry-${item.role}`}
    />
  );
}

/** A message passed by in a fast scroll: its space only, drawn for real once the scroll slows. */
function PassingPlaceholder({ height }: ScrollSeekPlaceholderProps) {
  return <li aria-hidden="true" className="entry entry-passing" style={{ height }} />;
}

/** Fast scrolls (a fling, a drag of the scrollbar) draw placeholders instead of parsing every answer passed by. */
const passingBy: ScrollSeekConfiguration = {
  enter: (velocity) => Math.abs(velocity) > 1500,
  exit: (velocity) => Math.abs(velocity) < 100,
};

/**
 * The open conversation, scrolling on its own between the toolbar and the composer; it follows a
 * streaming answer until the user scrolls up. Only the messages near the view are drawn (react-virtuoso),
 * so a conversation of thousands opens and scrolls at once. It subscribes to the entries only, so typing in
 * the composer never renders it.
 */
export function Transcript() {
  const entries = useAppStore((state) => state.chat.entries);
  const conversationId = useAppStore((state) => state.chat.conversationId);
  const focusMessageId = useAppStore((state) => state.chat.focusMessageId);
  const { boxRef, contentRef, isAtBottom, scrollToBottom, stopFollowing } = useFollowBottom<
    HTMLDivElement,
    HTMLDivElement
  >();
  const virtuosoRef = useRef<VirtuosoHandle>(null);
  // Virtuoso scrolls the box it is given: known once the box is in the page.
  const [box, setBox] = useState<HTMLDivElement | null>(null);
  useEffect(() => setBox(boxRef.current), [boxRef]);

  const focusIndex = focusMessageId ? entries.findIndex((entry) => entry.id === focusMessageId) : -1;
  const shownConversation = useRef(conversationId);
  // Another conversation opens at its end, or at the message a search found (before the view follows the end).
  useLayoutEffect(() => {
    const isSameConversation = shownConversation.current === conversationId;
    shownConversation.current = conversationId;
    if (focusIndex < 0) {
      scrollToBottom();
      return;
    }
    stopFollowing();
    // Another conversation starts there by itself (Virtuoso's initial item); this one is scrolled to it.
    if (isSameConversation) virtuosoRef.current?.scrollToIndex({ index: focusIndex, align: 'center' });
    // Not on `focusIndex`: it moves when the entries do, which must not scroll the view again.
  }, [conversationId, focusMessageId, scrollToBottom, stopFollowing]);

  return (
    <div className="transcript-scroll" ref={boxRef}>
      <div ref={contentRef}>
        {box && (
          <Virtuoso<ChatEntry, { count: number }>
            key={conversationId ?? 'new'}
            ref={virtuosoRef}
            customScrollParent={box}
            data={entries}
            context={{ count: entries.length }}
            computeItemKey={(_, entry) => entry.id}
            initialTopMostItemIndex={
              focusIndex < 0 ? { index: 'LAST', align: 'end' } : { index: focusIndex, align: 'center' }
            }
            increaseViewportBy={drawnAhead}
            scrollSeekConfiguration={passingBy}
            components={{ List: TranscriptList, Item: TranscriptItem, ScrollSeekPlaceholder: PassingPlaceholder }}
            itemContent={(index, entry) => (
              <Entry
                entry={entry}
                previous={entries[index - 1]}
                next={entries[index + 1]}
                isFound={entry.id === focusMessageId}
              />
            )}
          />
        )}
      </div>
      {!isAtBottom && (
        <button type="button" className="jump-to-latest" onClick={scrollToBottom}>
          Jump to the latest
        </button>
      )}
    </div>
  );
}

const Entry = memo(function Entry(props: {
  entry: ChatEntry;
  previous: ChatEntry | undefined;
  next: ChatEntry | undefined;
  isFound: boolean;
}) {
  const { entry, previous, next } = props;
  const content =
    entry.role === 'assistant' ? (
      <ChatAnswer
        entry={entry}
        questionHasImages={previous?.attachments.some((attachment) => attachment.kind === 'image') ?? false}
      />
    ) : entry.role === 'system' ? (
      <p className="system-prompt" aria-label="System prompt">
        {entry.content}
      </p>
    ) : (
      <UserMessage entry={entry} isUnanswered={next?.role !== 'assistant'} />
    );
  return props.isFound ? <div className="entry-found">{content}</div> : content;
});
