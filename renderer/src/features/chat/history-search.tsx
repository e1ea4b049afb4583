import { Fragment } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/app-store';

/** A snippet with its matched words marked: the core wraps each in U+0002 … U+0003 (never HTML). */
export function MarkedSnippet({ snippet }: { snippet: string }) {
  return (
    <>
      {snippet.split('\u0002').map((piece, index) => {
        const [marked, rest] = index === 0 ? [null, piece] : piece.split('\u0003', 2);
        return (
          <Fragment key={index}>
            {marked !== null && <mark>{marked}</mark>}
            {rest}
          </Fragment>
        );
      })}
    </>
  );
}

/** Full-text search over every message; a result opens its conversation at the message. */
export function HistorySearch() {
  const { query, hits, searchHistory, openConversation } = useAppStore(
    useShallow((state) => ({
      query: state.history.query,
      hits: state.history.hits,
      searchHistory: state.searchHistory,
      openConversation: state.openConversation,
    })),
  );
  return (
    <div className="history-search">
      <label className="field">
        <span>Search messages</span>
        <input type="search" value={query} onChange={(event) => void searchHistory(event.target.value)} />
      </label>
      {hits !== null &&
        (hits.length === 0 ? (
          <p className="muted" role="status">
            No message has “{query.trim()}”. Try fewer or shorter words.
          </p>
        ) : (
          <ul aria-label="Search results" className="search-results">
            {hits.map((hit) => (
              <li key={hit.messageId}>
                <button
                  type="button"
                  className="search-result"
                  onClick={() => void openConversation(hit.conversationId, hit.messageId)}
                >
                  <span className="conversation-title">{hit.title}</span>
                  <span className="search-snippet">
                    {hit.role === 'user' ? 'You: ' : ''}
                    <MarkedSnippet snippet={hit.snippet} />
                  </span>
                </button>
              </li>
            ))}
          </ul>
        ))}
    </div>
  );
}
