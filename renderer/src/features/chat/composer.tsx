import { useEffect, useRef, useState, type ChangeEvent, type FormEvent, type KeyboardEvent } from 'react';
import type { AttachmentInput } from '../../../../shared/contract';
import { maxAttachments } from '../../../../shared/contract/attachment-limits';
import { useAppStore } from '../../store/app-store';
import { isAnswering } from '../../store/chat-entries';
import { AttachmentList } from './attachment-list';
import { readAttachment } from './read-attachment';

/** The composer's textarea, for the "focus the composer" shortcut. */
export const composerId = 'chat-composer';

/**
 * The message being written, with its files. Its text is this component's own state: a keystroke renders
 * the composer alone, never the transcript above it.
 */
export function Composer() {
  const sendChat = useAppStore((state) => state.sendChat);
  const stopChat = useAppStore((state) => state.stopChat);
  const isBusy = useAppStore((state) => isAnswering(state.chat.entries, state.streams));
  const [draft, setDraft] = useState('');
  const [attachments, setAttachments] = useState<AttachmentInput[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const boxRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => boxRef.current?.focus(), []);

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (isBusy) return;
    const text = draft.trim();
    if (!text && attachments.length === 0) return;
    const sent = { draft, attachments };
    setDraft('');
    setAttachments([]);
    setFileError(null);
    // Not sent (no model, a refused file): the message comes back to be fixed.
    if (!(await sendChat(text, sent.attachments))) {
      setDraft(sent.draft);
      setAttachments(sent.attachments);
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter sends; Shift+Enter keeps a new line; Escape stops the answer being written.
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) void submit(event);
    if (event.key === 'Escape') void stopChat();
  };
  const onFiles = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    const read = await Promise.all(files.map(readAttachment));
    const errors = read.flatMap((result) => ('error' in result ? [result.error] : []));
    const accepted = read.filter((result): result is AttachmentInput => !('error' in result));
    const room = maxAttachments - attachments.length;
    if (accepted.length > room) errors.push(`A message carries at most ${maxAttachments} files.`);
    setAttachments([...attachments, ...accepted.slice(0, Math.max(0, room))]);
    setFileError(errors.length > 0 ? errors.join(' ') : null);
  };

  return (
    <form className="composer" onSubmit={(event) => void submit(event)}>
      {/* Before the message, so Tab goes from the message straight to Send. */}
      <label className="button attach-button">
        Attach files
        <input
          type="file"
          multiple
          className="visually-hidden"
          aria-describedby={fileError ? 'composer-file-error' : undefined}
          onChange={(event) => void onFiles(event)}
        />
      </label>
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
      {isBusy ? (
        <button type="button" onClick={() => void stopChat()}>
          Stop
        </button>
      ) : (
        <button type="submit" className="primary">
          Send
        </button>
      )}
      {/* Each on a line of its own under the message (styles: order and full width). */}
      <AttachmentList
        attachments={attachments}
        onRemove={(index) => setAttachments(attachments.filter((_, other) => other !== index))}
      />
      {fileError && (
        <p id="composer-file-error" className="field-error composer-line" role="alert">
          {fileError}
        </p>
      )}
      <small id="chat-shortcuts" className="hint shortcut-hint">
        {isBusy
          ? 'Wait for the answer, or press Esc to stop it, before sending the next message'
          : 'Enter sends · Shift+Enter new line · Esc stops the answer · ? all shortcuts'}
      </small>
    </form>
  );
}
