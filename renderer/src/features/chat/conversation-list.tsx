import { useEffect, useState, type ChangeEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/app-store';
import { HistorySearch } from './history-search';
import { UndoToast } from './undo-toast';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The kept conversations, pinned first, then newest: search, open, delete (with undo), import. */
export function ConversationList() {
  const { conversations, currentId, hits, loadConversations, openConversation, removeConversation } = useAppStore(
    useShallow((state) => ({
      conversations: state.conversations,
      currentId: state.chat.conversationId,
      hits: state.history.hits,
      loadConversations: state.loadConversations,
      openConversation: state.openConversation,
      removeConversation: state.removeConversation,
    })),
  );
  useEffect(() => void loadConversations(), [loadConversations]);

  return (
    <nav className="conversation-list" aria-labelledby="history-title">
      <h3 id="history-title">History</h3>
      <HistorySearch />
      {hits !== null ? null : conversations.length === 0 ? (
        <p className="muted">No conversations yet: write a message to start one, or import one.</p>
      ) : (
        <ul>
          {conversations.map((conversation) => (
            <li key={conversation.id} className="conversation">
              <button
                type="button"
                className="conversation-open"
                aria-current={conversation.id === currentId ? 'true' : undefined}
                onClick={() => void openConversation(conversation.id)}
              >
                <span className="conversation-title">{conversation.title}</span>
                <span className="conversation-when">
                  {conversation.isPinned && <span className="conversation-pinned">Pinned · </span>}
                  <time dateTime={conversation.updatedAt}>{dateFormat.format(new Date(conversation.updatedAt))}</time>
                </span>
              </button>
              <button
                type="button"
                className="conversation-delete"
                aria-label={`Delete conversation “${conversation.title}”`}
                onClick={() => void removeConversation(conversation.id)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <ImportButton />
      <UndoToast />
    </nav>
  );
}

/** Imports a JSON export; a refused file is explained beside the button. */
function ImportButton() {
  const importConversation = useAppStore((state) => state.importConversation);
  const [problem, setProblem] = useState<string | null>(null);
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setProblem(await importConversation(await file.text()));
  };
  return (
    <div className="history-import">
      <label className="button">
        Import a conversation (JSON)
        <input
          type="file"
          accept=".json,application/json"
          className="visually-hidden"
          aria-describedby={problem ? 'import-problem' : undefined}
          onChange={(event) => void onFile(event)}
        />
      </label>
      {problem && (
        <p id="import-problem" className="field-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
