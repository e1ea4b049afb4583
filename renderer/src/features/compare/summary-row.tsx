import { useAppStore } from '../../store/app-store';
import { storedView } from '../chat/chat-answer';
import { summarize, type SummaryInput } from './compare-summary';

/** Once every pane has answered the last question: who was fastest, cheapest and longest. */
export function SummaryRow(props: { hideModelNames?: boolean }) {
  const panes = useAppStore((state) => state.compare.panes);
  const streams = useAppStore((state) => state.streams);
  const answers = panes.map((pane, index): SummaryInput | null => {
    const last = pane.entries.at(-1);
    if (last?.role !== 'assistant') return null;
    const view = (last.streamId && streams[last.streamId]) || storedView(last);
    const name = props.hideModelNames ? `Model ${index + 1}` : (view.target ?? pane.modelId);
    return { name, view };
  });
  const lines = answers.every((answer) => answer !== null) ? summarize(answers as SummaryInput[]) : null;
  if (!lines || lines.length === 0) return null;
  return (
    <section className="compare-summary" aria-label="Summary">
      <dl>
        {lines.map((line) => (
          <div key={line.title}>
            <dt>{line.title}</dt>
            <dd>
              {line.name} <span className="compare-summary-value">{line.value}</span>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
