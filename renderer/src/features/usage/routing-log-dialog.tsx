import * as Dialog from '@radix-ui/react-dialog';
import type { UsageRecord } from '../../../../shared/types/usage';
import { formatCost, formatMs, formatRecordCost } from '../../ui/format';
import { RouteDecisionSection } from './route-decision-section';

/** One call's route: why its targets came in their order, then every attempt with its time and how it ended. */
export function RoutingLogDialog({ record, onClose }: { record: UsageRecord | null; onClose(): void }) {
  return (
    <Dialog.Root open={record !== null} onOpenChange={(isOpen) => !isOpen && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        {record && (
          <Dialog.Content className="dialog routing-log">
            <Dialog.Title className="dialog-title">Routing log</Dialog.Title>
            <Dialog.Description className="hint">
              {record.requestedModel} from the {record.source === 'app' ? 'app' : `local API${describeApiCall(record)}`}
              , started {new Date(record.createdAt).toLocaleString()}: {record.status}
              {record.target ? `, served by ${record.target}` : ''}.
            </Dialog.Description>
            <RouteDecisionSection record={record} />
            <h3 className="route-decision-title">Attempts</h3>
            <Attempts record={record} />
            <dl className="metrics routing-summary">
              <dt>First token</dt>
              <dd>{formatMs(record.timeToFirstTokenMs)}</dd>
              <dt>Whole call</dt>
              <dd>{formatMs(record.totalMs)}</dd>
              <dt>Cost</dt>
              <dd>
                {formatRecordCost(record)}
                {record.costSource === 'cache' &&
                  (record.savedUSD != null
                    ? `; saved ${formatCost(record.savedUSD)}, what the kept answer cost`
                    : '; what the kept answer cost is unknown')}
              </dd>
              {record.error && (
                <>
                  <dt>Error</dt>
                  <dd className="routing-error">{record.error}</dd>
                </>
              )}
            </dl>
            <Dialog.Close asChild>
              <button type="button" className="dialog-close">
                Close
              </button>
            </Dialog.Close>
          </Dialog.Content>
        )}
      </Dialog.Portal>
    </Dialog.Root>
  );
}

const protocolNames: Record<NonNullable<UsageRecord['apiProtocol']>, string> = {
  'openai-chat': 'Chat Completions',
  anthropic: 'Anthropic Messages',
  'openai-responses': 'Responses',
  'openai-embeddings': 'Embeddings',
};

/** How a local API call was served: its protocol, passed through or translated (or replayed). */
export function describeApiCall(record: Pick<UsageRecord, 'apiProtocol' | 'apiPath'>): string {
  if (!record.apiProtocol) return '';
  const path = record.apiPath === 'cache' ? 'replayed from the cache' : record.apiPath;
  return ` (${protocolNames[record.apiProtocol]}${path ? `, ${path}` : ''})`;
}

function Attempts({ record }: { record: UsageRecord }) {
  // A cancelled attempt is not one of the attempts the gateway logs: the call's end says it.
  const isCancelled = record.status === 'cancelled';
  if (record.attempts.length === 0 && !isCancelled) {
    return (
      <p>
        {record.costSource === 'cache'
          ? "Replayed from the route's cache: no provider was called."
          : 'No target was tried.'}
      </p>
    );
  }
  return (
    <ol className="routing-attempts" aria-label="Attempts">
      {record.attempts.map((attempt, index) => (
        <li key={index} className={attempt.error ? 'attempt-failed' : 'attempt-served'}>
          <span className="attempt-target">{attempt.target}</span>{' '}
          <span className="hint">
            at +{formatMs(attempt.startedAtMs)}, took {formatMs(attempt.durationMs)}
          </span>
          <div>
            {attempt.error ? (
              <>
                <strong>{attempt.error.code}</strong>
                {attempt.error.status ? ` (HTTP ${attempt.error.status})` : ''}: {attempt.error.message}
              </>
            ) : (
              <strong>Served the answer</strong>
            )}
          </div>
        </li>
      ))}
      {isCancelled && (
        <li className="attempt-failed">
          <span className="attempt-target">{record.target ?? 'The call'}</span>{' '}
          <span className="hint">ended after {formatMs(record.totalMs)}</span>
          <div>
            <strong>Cancelled</strong>: {record.error ?? 'stopped by the caller'}
          </div>
        </li>
      )}
    </ol>
  );
}
