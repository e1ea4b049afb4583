import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store/app-store';
import { formatCost, formatMs, formatRate, plural } from './format';

export function UsageScreen() {
  const { usage, loadUsage } = useAppStore(useShallow((state) => ({ usage: state.usage, loadUsage: state.loadUsage })));
  useEffect(() => {
    void loadUsage();
  }, [loadUsage]);
  const unpriced = usage?.unpricedCount ?? 0;
  const priced = usage?.records.filter((record) => record.costUSD !== null).length ?? 0;
  return (
    <section aria-labelledby="usage-title" className="screen">
      <div className="toolbar">
        <h2 id="usage-title">Usage</h2>
        <button type="button" onClick={() => void loadUsage()}>
          Refresh
        </button>
      </div>
      <p role="status" className="usage-total">
        Total {formatCost(usage?.totalCostUSD ?? 0)} for {plural(priced, 'priced call')}
        {unpriced > 0 && `; ${plural(unpriced, 'call')} without a price left out`}
      </p>
      <div className="table-wrap">
        <table aria-label="Recent calls">
          <thead>
            <tr>
              {[
                'Time',
                'Source',
                'Model',
                'Served by',
                'Status',
                'Tokens in',
                'Tokens out',
                'First token',
                'Speed',
                'Cost',
              ].map((name) => (
                <th key={name} scope="col">
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {usage?.records.map((record) => (
              <tr key={record.id}>
                <td>{new Date(record.createdAt).toLocaleString()}</td>
                <td>{record.source}</td>
                <td>{record.requestedModel}</td>
                <td>
                  {record.target ?? '–'}
                  {record.costSource === 'cache' && ' (from cache)'}
                </td>
                <td title={record.error ?? undefined}>{record.status}</td>
                <td>{record.usage?.inputTokens ?? '–'}</td>
                <td>{record.usage?.outputTokens ?? '–'}</td>
                <td>{formatMs(record.timeToFirstTokenMs)}</td>
                <td>{formatRate(record.tokensPerSecond)}</td>
                <td>{formatCost(record.costUSD)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
