import type { ReactNode } from 'react';
import { skippedNotes } from '../../../../shared/routing/skipped-notes';
import type { StreamView } from '../../store/types';
import { CopyButton } from '../../ui/copy-button';
import { formatMs, formatRate, formatRecordCost, formatTokens } from '../../ui/format';
import { AnswerText } from './answer-text';

/**
 * One answer, live or read back from the history: its model, status, failover notes, text, error and
 * measurements. `actions` go in its header (Stop, Regenerate, versions), `footer` under its error.
 */
export function AnswerCard(props: {
  view: StreamView;
  showMetrics?: boolean;
  label?: string;
  actions?: ReactNode;
  footer?: ReactNode;
  /**
   * A blind compare before its vote: `label` names the answer instead of the model, and what would tell the model
   * (failover notes, the error's words, measurements and cost) is left out.
   */
  hideModelName?: boolean;
  /** `answer-pane`: a live pane beside others (Compare). */
  className?: string;
}) {
  const { view } = props;
  const isModelHidden = props.hideModelName === true;
  const record = view.record;
  const skipped = skippedNotes(record?.routeDecision, (iso) => new Date(iso).toLocaleTimeString());
  return (
    <article
      className={`answer answer-${view.status}${props.className ? ` ${props.className}` : ''}`}
      aria-label={props.label ?? `Answer from ${view.target ?? view.modelId}`}
      aria-busy={view.status === 'streaming'}
    >
      <header className="answer-header">
        <span className="answer-model">{isModelHidden ? props.label : (view.target ?? view.modelId)}</span>
        <span className="answer-status" role="status">
          {view.status === 'streaming' ? 'streaming…' : view.status}
        </span>
        {view.isCached && (
          <span className="answer-cached" title="Replayed from the route's cache: no provider was called">
            from cache
          </span>
        )}
        {props.actions}
        {view.status !== 'streaming' && view.text && <CopyButton text={view.text} />}
      </header>
      {!isModelHidden && view.failedAttempts.length > 0 && (
        <ul className="attempts" aria-label="Failed attempts">
          {view.failedAttempts.map((attempt) => (
            <li key={`${attempt.target}-${attempt.startedAtMs}`}>
              {attempt.target} failed: {attempt.error?.message}
            </li>
          ))}
        </ul>
      )}
      {skipped.length > 0 && (
        <ul className="attempts" aria-label="Skipped targets">
          {skipped.map((note) => (
            <li key={note.target}>{note.text}</li>
          ))}
        </ul>
      )}
      {view.reasoning && (
        <details className="reasoning">
          <summary>Reasoning</summary>
          <p>{view.reasoning}</p>
        </details>
      )}
      <AnswerText text={view.text} isComplete={view.status !== 'streaming'} />
      {view.error && (
        <p className="answer-error">
          {isModelHidden ? 'This answer failed; why shows after the vote.' : view.error.message}
        </p>
      )}
      {view.notSaved && (
        <p className="answer-warning" role="alert">
          Not saved to the history: {view.notSaved}
        </p>
      )}
      {props.footer}
      {props.showMetrics && !isModelHidden && (
        <dl className="metrics" aria-label="Metrics">
          <dt>Time to first token</dt>
          <dd>{formatMs(record?.timeToFirstTokenMs)}</dd>
          <dt>Speed</dt>
          <dd>{formatRate(record?.tokensPerSecond)}</dd>
          <dt>Tokens</dt>
          <dd>
            {record?.usage
              ? `${formatTokens(record.usage.inputTokens, record)} in / ${formatTokens(record.usage.outputTokens, record)} out`
              : '–'}
          </dd>
          <dt>Cost</dt>
          <dd>{record ? formatRecordCost(record) : '–'}</dd>
        </dl>
      )}
      {!props.showMetrics && record && view.status !== 'streaming' && (
        // The chat's short form of the same measurements.
        <p className="answer-meta" aria-label="Measurements">
          {formatMs(record.timeToFirstTokenMs)} to first token · {formatRate(record.tokensPerSecond)} ·{' '}
          {formatRecordCost(record)}
        </p>
      )}
    </article>
  );
}
