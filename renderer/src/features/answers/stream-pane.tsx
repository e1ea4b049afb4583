import { useAppStore } from '../../store/app-store';
import { AnswerCard } from './answer-card';

/** One streaming answer; subscribes to its own stream only, so other panes do not re-render. */
export function StreamPane(props: { streamId: string; showMetrics?: boolean; label?: string }) {
  const view = useAppStore((state) => state.streams[props.streamId]);
  const cancelStream = useAppStore((state) => state.cancelStream);
  if (!view) return null;
  return (
    <AnswerCard
      view={view}
      showMetrics={props.showMetrics}
      label={props.label}
      actions={
        view.status === 'streaming' && (
          <button type="button" onClick={() => void cancelStream(props.streamId)}>
            Stop
          </button>
        )
      }
    />
  );
}
