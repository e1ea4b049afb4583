import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { PlaygroundCell, PlaygroundRun } from '../../../../shared/contract';
import { describeCheck } from '../../../../shared/playground/checks';
import { totalsByModel } from '../../../../shared/playground/totals';
import { useAppStore } from '../../store/app-store';
import { formatCost, formatMs, formatRate } from '../../ui/format';

const statusWords: Record<PlaygroundCell['status'], string> = {
  waiting: 'Waiting',
  streaming: 'Streaming',
  ok: 'Finished',
  error: 'Failed',
  cancelled: 'Cancelled',
};

function verdict(cell: PlaygroundCell): { text: string; className: string } {
  if (cell.passed === true) return { text: 'Passed', className: 'verdict-pass' };
  if (cell.status === 'ok') return { text: 'Failed', className: 'verdict-fail' };
  return { text: statusWords[cell.status], className: cell.status === 'error' ? 'verdict-fail' : 'verdict-none' };
}

/** One case asked of one model: its answer as it streams, then its metrics and each check. */
const GridCell = memo(function GridCell(props: { cell: PlaygroundCell; label: string; onRerun(): void }) {
  const { cell } = props;
  const live = useAppStore((s) =>
    cell.streamId && cell.status === 'streaming' ? s.streams[cell.streamId]?.text : undefined,
  );
  const text = live ?? cell.text;
  const { text: verdictText, className } = verdict(cell);
  return (
    <div role="group" aria-label={props.label} className="grid-cell">
      <div className="grid-cell-head">
        <span role="status" className={`verdict ${className}`}>
          {verdictText}
        </span>
        <button type="button" className="small" aria-label={`Re-run ${props.label}`} onClick={props.onRerun}>
          Re-run
        </button>
      </div>
      <div className="grid-cell-text">{text || (cell.status === 'waiting' ? '…' : '')}</div>
      {cell.error && <p className="field-error">{cell.error}</p>}
      {cell.status !== 'waiting' && cell.status !== 'streaming' && (
        <dl className="grid-cell-metrics">
          <dt>First token</dt>
          <dd>{formatMs(cell.timeToFirstTokenMs)}</dd>
          <dt>Speed</dt>
          <dd>{formatRate(cell.tokensPerSecond === null ? null : Math.round(cell.tokensPerSecond))}</dd>
          <dt>Tokens</dt>
          <dd>{cell.outputTokens ?? '–'}</dd>
          <dt>Cost</dt>
          <dd>{formatCost(cell.costUSD)}</dd>
        </dl>
      )}
      {cell.checks.length > 0 && (
        <ul className="grid-cell-checks" aria-label={`Checks of ${props.label}`}>
          {cell.checks.map((result, index) => (
            <li key={index} className={result.passed ? 'verdict-pass' : 'verdict-fail'}>
              {result.passed ? '✓' : '✗'} {describeCheck(result.check)}
              {result.detail ? `: ${result.detail}` : ''}
              {result.judgeCostUSD !== undefined ? ` (grading cost ${formatCost(result.judgeCostUSD)})` : ''}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});

/** Every case × every model of a run, with totals per model. */
export function RunGrid({ run }: { run: PlaygroundRun }) {
  const { rerun } = useAppStore(useShallow((s) => ({ rerun: s.rerunPlaygroundCell })));
  const { modelIds } = run.version;
  const totals = totalsByModel(modelIds, run.cells);
  const cellOf = (caseId: string, modelId: string) =>
    run.cells.find((cell) => cell.caseId === caseId && cell.modelId === modelId);
  return (
    <div className="table-scroll">
      <table className="run-grid">
        <caption>
          Run of version {run.version && run.versionNumber} from {new Date(run.createdAt).toLocaleString()},{' '}
          {run.concurrency} at a time
        </caption>
        <thead>
          <tr>
            <th scope="col">Case</th>
            {modelIds.map((modelId) => (
              <th key={modelId} scope="col">
                <div className="grid-cell-head">
                  <code>{modelId}</code>
                  <button
                    type="button"
                    className="small"
                    aria-label={`Re-run every case on ${modelId}`}
                    onClick={() => run.cases.forEach((testCase) => void rerun(testCase.id, modelId))}
                  >
                    Re-run column
                  </button>
                </div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {run.cases.map((testCase, index) => (
            <tr key={testCase.id}>
              <th scope="row">
                <div className="run-grid-case">
                  <span>Case {index + 1}</span>
                  <button
                    type="button"
                    className="small"
                    aria-label={`Re-run case ${index + 1} on every model`}
                    onClick={() => modelIds.forEach((modelId) => void rerun(testCase.id, modelId))}
                  >
                    Re-run row
                  </button>
                  {Object.entries(testCase.values).map(([name, value]) => (
                    <small key={name}>
                      {name}: {value}
                    </small>
                  ))}
                </div>
              </th>
              {modelIds.map((modelId) => {
                const cell = cellOf(testCase.id, modelId);
                return (
                  <td key={modelId}>
                    {cell && (
                      <GridCell
                        cell={cell}
                        label={`Case ${index + 1} on ${modelId}`}
                        onRerun={() => void rerun(testCase.id, modelId)}
                      />
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Totals</th>
            {totals.map((total) => (
              <td key={total.modelId}>
                <div role="group" aria-label={`Totals of ${total.modelId}`} className="grid-totals">
                  <span>
                    Pass rate{' '}
                    {total.passRate === null
                      ? '–'
                      : `${Math.round(total.passRate * 100)}% (${total.passed} of ${total.finished})`}
                  </span>
                  <span>Median latency {formatMs(total.medianLatencyMs)}</span>
                  <span>Total cost {formatCost(total.costUSD)}</span>
                </div>
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
