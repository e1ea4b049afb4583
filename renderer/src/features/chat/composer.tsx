import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useAppStore } from '../../store/app-store';

/** The composer's textarea, for the "focus the composer" shortcut. */
export const composerId = 'chat-composer';

/**
 * The message being written. Its text is this component's own state: a keystroke renders the
 * composer alone, never the transcript above it.
 */
export function Composer() {
  const sendChat = useAppStore((state) => state.sendChat);
  const stopChat = useAppStore((state) => state.stopChat);
  const [draft, setDraft] = useState('');
  const boxRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => boxRef.current?.focus(), []);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const text = draft.trim();
    if (!text) return;
    setDraft('');
    void sendChat(text);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter sends; Shift+Enter keeps a new line; Escape stops the answer being written.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) submit(event);
    if (event.key === 'Escape') void stopChat();
  };

  return (
    <form className="composer" onSubmit={submit}>
      <label className="field field-grow">
        <span>Message</span>
        <textarea
          id={composerId}
          ref={boxRef}
          rows={3}
          value={draft}
          aria-describedby="chat-shortcuts"
          aria-keyshortcuts="/"
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
        />
      </label>
      <small id="chat-shortcuts" className="hint shortcut-hint">
        Enter sends · Shift+Enter new line · Esc stops the answer · ? all shortcuts
      </small>
      <button type="submit" className="primary">
        Send
      </button>
    </form>
  );
}
