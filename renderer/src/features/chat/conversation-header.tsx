import { useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/app-store';

/** The open conversation's title, with Rename, Pin and Export. */
export function ConversationHeader() {
  const { conversation, renameConversation, pinConversation, exportConversation } = useAppStore(
    useShallow((state) => ({
      conversation: state.conversations.find((item) => item.id === state.chat.conversationId),
      renameConversation: state.renameConversation,
      pinConversation: state.pinConversation,
      exportConversation: state.exportConversation,
    })),
  );
  const [title, setTitle] = useState<string | null>(null);
  if (!conversation) return null;

  const rename = async (event: FormEvent) => {
    event.preventDefault();
    if (title?.trim() && (await renameConversation(conversation.id, title.trim()))) setTitle(null);
  };
  return (
    <div className="conversation-header" role="group" aria-label="This conversation">
      {title === null ? (
        <>
          <span className="conversation-header-title">{conversation.title}</span>
          <button type="button" onClick={() => setTitle(conversation.title)}>
            Rename
          </button>
        </>
      ) : (
        <form className="inline-form" aria-label="Rename the conversation" onSubmit={(event) => void rename(event)}>
          <label className="field">
            <span>Title</span>
            <input
              autoFocus
              value={title}
              maxLength={200}
              onChange={(event) => setTitle(event.target.value)}
              onKeyDown={(event) => event.key === 'Escape' && setTitle(null)}
            />
          </label>
          <button type="submit" className="primary" disabled={!title.trim()}>
            Save title
          </button>
          <button type="button" onClick={() => setTitle(null)}>
            Cancel
          </button>
        </form>
      )}
      {/* A toggle keeps its name; pressed says it is pinned (listed first). */}
      <button
        type="button"
        aria-pressed={conversation.isPinned}
        onClick={() => void pinConversation(conversation.id, !conversation.isPinned)}
      >
        Pin
      </button>
      <button type="button" onClick={() => void exportConversation(conversation.id, 'markdown')}>
        Export as Markdown
      </button>
      <button type="button" onClick={() => void exportConversation(conversation.id, 'json')}>
        Export as JSON
      </button>
    </div>
  );
}
