import type { UsageTotals as Totals } from '../../../../shared/contract';
import { useAppStore } from '../../store/app-store';
import { formatCost, plural } from '../../ui/format';

const count = (value: number) => value.toLocaleString('en-US');

/** Totals over every matching call, not only the calls listed. */
export function UsageTotals() {
  const report = useAppStore((state) => state.usageReport);
  const totals = report?.totals;
  if (!totals) return <p className="hint">Reading the history…</p>;
  return (
    <>
      <p role="status" className="usage-total">
        {summary(totals)}
      </p>
      <dl className="usage-totals" aria-label="Totals">
        <div>
          <dt>Calls</dt>
          <dd>{count(totals.calls)}</dd>
        </div>
        <div>
          <dt>Tokens</dt>
          <dd>
            {count(totals.inputTokens)} in · {count(totals.outputTokens)} out
            {totals.cacheReadTokens > 0 && ` · ${count(totals.cacheReadTokens)} read from a provider's cache`}
          </dd>
        </div>
        <div>
          <dt>Cost</dt>
          <dd>
            {formatCost(totals.costUSD)}
            {totals.estimatedCalls > 0 && (
              <span className="usage-estimated">
                {' '}
                (of it {formatCost(totals.estimatedCostUSD)} estimated, for {plural(totals.estimatedCalls, 'call')} cut
                short)
              </span>
            )}
          </dd>
        </div>
        <div>
          <dt>Errors</dt>
          <dd>
            {count(totals.errorCalls)}
            {totals.failedCalls > totals.errorCalls &&
              ` (and ${count(totals.failedCalls - totals.errorCalls)} cancelled or interrupted)`}
          </dd>
        </div>
        <div>
          <dt>Failovers</dt>
          <dd>{plural(totals.failoverCalls, 'call')} needed more than one attempt</dd>
        </div>
        <div>
          <dt>Cache savings</dt>
          <dd>
            {formatCost(totals.savedUSD)} over {plural(totals.cacheHits, 'replay')}
            {totals.unsavedHits > 0 && `, ${count(totals.unsavedHits)} of unknown price`}
          </dd>
        </div>
      </dl>
    </>
  );
}

/** The one-line total: `3 calls: $0.0042 for 2 priced calls; 1 call without a price left out`. */
function summary(totals: Totals): string {
  const unpriced = totals.unpricedCalls > 0 ? `; ${plural(totals.unpricedCalls, 'call')} without a price left out` : '';
  return `${plural(totals.calls, 'call')}: ${formatCost(totals.costUSD)} for ${plural(totals.pricedCalls, 'priced call')}${unpriced}`;
}
