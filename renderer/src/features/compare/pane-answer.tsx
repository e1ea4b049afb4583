import { useMemo } from 'react';
import { useAppStore } from '../../store/app-store';
import type { ChatEntry } from '../../store/types';
import { AnswerCard } from '../answers/answer-card';
import { storedView } from '../chat/chat-answer';

/** One answer in a pane, live (with Stop) or read back from the history, with its measurements. */
export function PaneAnswer(props: { entry: ChatEntry; label?: string; hideModelName?: boolean }) {
  const { entry } = props;
  const live = useAppStore((state) => (entry.streamId ? state.streams[entry.streamId] : undefined));
  const cancelStream = useAppStore((state) => state.cancelStream);
  const stored = useMemo(() => storedView(entry), [entry]);
  const view = live ?? stored;
  return (
    <AnswerCard
      view={view}
      showMetrics
      label={props.label}
      hideModelName={props.hideModelName}
      actions={
        view.status === 'streaming' && (
          <button type="button" onClick={() => void cancelStream(entry.streamId!)}>
            Stop
          </button>
        )
      }
    />
  );
}
