import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useAppStore } from '../../store/app-store';
import { isAnswering, isSaved } from '../../store/chat-entries';
import type { ChatEntry } from '../../store/types';
import { AttachmentList } from './attachment-list';
import { VersionSwitcher } from './version-switcher';

/**
 * A question of the conversation: its text and files, its versions, and Edit, which asks the edited
 * question as a new version (the earlier one stays, a step back).
 */
export function UserMessage({ entry, isUnanswered }: { entry: ChatEntry; isUnanswered: boolean }) {
  const isBusy = useAppStore((state) => isAnswering(state.chat.entries, state.streams));
  const isKept = useAppStore((state) => isSaved(entry.id, state.streams));
  const editMessage = useAppStore((state) => state.editMessage);
  const regenerate = useAppStore((state) => state.regenerate);
  const [editing, setEditing] = useState<string | null>(null);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (editing === null || !editing.trim()) return;
    if (await editMessage(entry.id, editing.trim())) setEditing(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) void submit(event);
    if (event.key === 'Escape') setEditing(null);
  };

  if (editing !== null) {
    return (
      <form className="message-edit" aria-label="Edit your message" onSubmit={(event) => void submit(event)}>
        <label className="field">
          <span>Edited message</span>
          <textarea
            autoFocus
            rows={3}
            value={editing}
            onChange={(event) => setEditing(event.target.value)}
            onKeyDown={onKeyDown}
          />
        </label>
        <div className="message-actions">
          <button type="submit" className="primary" disabled={isBusy}>
            Send edit
          </button>
          <button type="button" onClick={() => setEditing(null)}>
            Cancel
          </button>
        </div>
      </form>
    );
  }
  return (
    <div className="user-message">
      <p aria-label="You said">{entry.content}</p>
      <AttachmentList attachments={entry.attachments} />
      {isKept && (
        <div className="message-actions">
          <VersionSwitcher versionIds={entry.versionIds} currentId={entry.id} isDisabled={isBusy} />
          <button type="button" aria-label="Edit message" disabled={isBusy} onClick={() => setEditing(entry.content)}>
            Edit
          </button>
        </div>
      )}
      {isKept && isUnanswered && (
        // A question whose answer was never kept (an older release dropped failed ones).
        <p className="unanswered">
          No answer was kept for this question.{' '}
          <button type="button" disabled={isBusy} onClick={() => void regenerate(entry.id)}>
            Answer it
          </button>
        </p>
      )}
    </div>
  );
}
