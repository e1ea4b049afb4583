import { useMemo } from 'react';
import { useAppStore } from '../../store/app-store';
import { isAnswering } from '../../store/chat-entries';
import type { ChatEntry, StreamView } from '../../store/types';
import { AnswerCard } from '../answers/answer-card';
import { VersionSwitcher } from './version-switcher';

/** An answer read back from the history, as a finished stream: the same card shows both. */
export function storedView(entry: ChatEntry): StreamView {
  const usage = entry.usage ?? null;
  const status = entry.status ?? 'ok';
  return {
    modelId: entry.model ?? 'unknown model',
    text: entry.content,
    reasoning: '',
    status,
    target: entry.model ?? usage?.target ?? null,
    failedAttempts: usage?.attempts.filter((attempt) => attempt.error !== null) ?? [],
    record: usage,
    error: status === 'ok' ? null : { code: status, message: usage?.error ?? `This answer ended ${status}.` },
    notSaved: null,
    isCached: usage?.costSource === 'cache',
    messageId: entry.id,
  };
}

/**
 * An answer in the chat, live or read back: its versions, Stop while it is written, then Regenerate (or
 * Retry, after a failure), which writes a new version in its place.
 */
export function ChatAnswer({ entry, questionHasImages }: { entry: ChatEntry; questionHasImages: boolean }) {
  const live = useAppStore((state) => (entry.streamId ? state.streams[entry.streamId] : undefined));
  const isBusy = useAppStore((state) => isAnswering(state.chat.entries, state.streams));
  const cancelStream = useAppStore((state) => state.cancelStream);
  const regenerate = useAppStore((state) => state.regenerate);
  const stored = useMemo(() => storedView(entry), [entry]);
  const view = live ?? stored;
  const isStreaming = view.status === 'streaming';
  const hasFailed = view.status === 'error';
  // The provider refused the request itself (not a key, a route or the network): an image may be why.
  const errorCode = live ? live.error?.code : entry.usage?.attempts.at(-1)?.error?.code;
  const mayRefuseImages = hasFailed && questionHasImages && errorCode === 'PROVIDER_BAD_REQUEST';
  return (
    <AnswerCard
      view={view}
      actions={
        <>
          <VersionSwitcher versionIds={entry.versionIds} currentId={entry.id} isDisabled={isBusy} />
          {isStreaming ? (
            <button type="button" onClick={() => void cancelStream(entry.streamId!)}>
              Stop
            </button>
          ) : (
            <button
              type="button"
              className={hasFailed ? 'primary' : undefined}
              disabled={isBusy || (live !== undefined && live.messageId === null)}
              onClick={() => void regenerate(entry.id)}
            >
              {hasFailed ? 'Retry' : 'Regenerate'}
            </button>
          )}
        </>
      }
      footer={
        mayRefuseImages && (
          <p className="hint">
            The question carries an image: this model may not take images. Pick one that does (Ctrl/Cmd+K) and Retry, or
            edit the question.
          </p>
        )
      }
    />
  );
}
