import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/app-store';
import { ConfirmGroup } from '../../ui/confirm-group';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The kept conversations, newest first; choosing one reopens it in the chat. */
export function ConversationList() {
  const { conversations, currentId, loadConversations, openConversation, removeConversation } = useAppStore(
    useShallow((state) => ({
      conversations: state.conversations,
      currentId: state.chat.conversationId,
      loadConversations: state.loadConversations,
      openConversation: state.openConversation,
      removeConversation: state.removeConversation,
    })),
  );
  const [confirmingId, setConfirmingId] = useState<string | null>(null);
  useEffect(() => void loadConversations(), [loadConversations]);

  return (
    <nav className="conversation-list" aria-labelledby="history-title">
      <h3 id="history-title">History</h3>
      {conversations.length === 0 ? (
        <p className="muted">No conversations yet.</p>
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
                <time dateTime={conversation.updatedAt}>{dateFormat.format(new Date(conversation.updatedAt))}</time>
              </button>
              {confirmingId === conversation.id ? (
                <ConfirmGroup
                  label={`Delete “${conversation.title}”?`}
                  className="conversation-confirm"
                  confirmLabel="Delete"
                  cancelLabel="Keep"
                  onConfirm={() => void removeConversation(conversation.id)}
                  onCancel={() => setConfirmingId(null)}
                />
              ) : (
                <button
                  type="button"
                  className="conversation-delete"
                  aria-label={`Delete conversation “${conversation.title}”`}
                  onClick={() => setConfirmingId(conversation.id)}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
