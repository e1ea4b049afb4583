import type { ChatEntry } from '../../store/types';
import { AnswerText } from '../answers/answer-text';
import { CopyButton } from '../../ui/copy-button';

/** An answer read back from the history, labelled with the model that wrote it. */
export function StoredAnswer({ entry }: { entry: ChatEntry }) {
  const model = entry.model ?? 'unknown model';
  const status = entry.status ?? 'ok';
  return (
    <article className={`answer answer-${status}`} aria-label={`Answer from ${model}`}>
      <header className="answer-header">
        <span className="answer-model">{model}</span>
        <span className="answer-status" role="status">
          {status}
        </span>
        {entry.content && <CopyButton text={entry.content} />}
      </header>
      <AnswerText text={entry.content} />
    </article>
  );
}
