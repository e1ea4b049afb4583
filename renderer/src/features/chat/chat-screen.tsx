import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/app-store';
import { ConversationList } from './conversation-list';
import { ModelPicker } from '../models/model-picker';
import { StoredAnswer } from './stored-answer';
import { StreamPane } from '../answers/stream-pane';

export function ChatScreen() {
  const { chat, setChatModel, sendChat, newChat, stopChat } = useAppStore(
    useShallow((state) => ({
      chat: state.chat,
      setChatModel: state.setChatModel,
      sendChat: state.sendChat,
      newChat: state.newChat,
      stopChat: state.stopChat,
    })),
  );
  const [draft, setDraft] = useState('');

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const text = draft.trim();
    if (!text) return;
    setDraft('');
    void sendChat(text);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter sends; Shift+Enter keeps a new line; Escape stops the answer being written.
    if (event.key === 'Enter' && !event.shiftKey) submit(event);
    if (event.key === 'Escape') void stopChat();
  };

  return (
    <section aria-labelledby="chat-title" className="screen chat-screen">
      <div className="chat-main">
        <div className="toolbar">
          <h2 id="chat-title">Chat</h2>
          <ModelPicker label="Model" value={chat.modelId} onChange={setChatModel} />
          <button type="button" onClick={newChat}>
            New chat
          </button>
        </div>
        <ol className="transcript" aria-label="Conversation">
          {chat.entries.map((entry) => (
            <li key={entry.id} className={`entry entry-${entry.role}`}>
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
          ))}
        </ol>
        <form className="composer" onSubmit={submit}>
          <label className="field field-grow">
            <span>Message</span>
            <textarea
              rows={3}
              value={draft}
              aria-describedby="chat-shortcuts"
              onChange={(event) => setDraft(event.target.value)}
              onKeyDown={onKeyDown}
            />
          </label>
          <small id="chat-shortcuts" className="hint shortcut-hint">
            Enter sends · Shift+Enter new line · Esc stops the answer
          </small>
          <button type="submit" className="primary">
            Send
          </button>
        </form>
      </div>
      {/* After the chat in reading order, beside it on screen: the heading order stays h2 → h3. */}
      <ConversationList />
    </section>
  );
}
