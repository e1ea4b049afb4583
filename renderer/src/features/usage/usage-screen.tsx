import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/app-store';
import { formatCost, formatMs, formatRate, formatRecordCost, formatTokens, plural } from '../../ui/format';
import { SpendTable } from './spend-table';
import { TableHead } from '../../ui/table-head';

export function UsageScreen() {
  const { usage, filter, loadUsage, setUsageFilter } = useAppStore(
    useShallow((state) => ({
      usage: state.usage,
      filter: state.usageFilter,
      loadUsage: state.loadUsage,
      setUsageFilter: state.setUsageFilter,
    })),
  );
  useEffect(() => {
    void loadUsage();
  }, [loadUsage]);
  const unpriced = usage?.unpricedCount ?? 0;
  const shown = usage && usage.records.length < usage.callCount ? ` (newest ${usage.records.length} listed)` : '';
  return (
    <section aria-labelledby="usage-title" className="screen">
      <div className="toolbar">
        <h2 id="usage-title">Usage</h2>
        <label className="field">
          <span>Since</span>
          <input
            type="date"
            value={filter.since}
            onChange={(event) => void setUsageFilter({ since: event.target.value })}
          />
        </label>
        <label className="field">
          <span>Source</span>
          <select
            value={filter.source}
            onChange={(event) => void setUsageFilter({ source: event.target.value as typeof filter.source })}
          >
            <option value="">App and local API</option>
            <option value="app">App</option>
            <option value="api">Local API</option>
          </select>
        </label>
        <button type="button" onClick={() => void loadUsage()}>
          Refresh
        </button>
      </div>
      <p role="status" className="usage-total">
        {plural(usage?.callCount ?? 0, 'call')}
        {shown}: {formatCost(usage?.totalCostUSD ?? 0)} for {plural(usage?.pricedCount ?? 0, 'priced call')}
        {unpriced > 0 && `; ${plural(unpriced, 'call')} without a price left out`}
      </p>
      <h3>By model</h3>
      <SpendTable byModel={usage?.byModel ?? []} />
      <h3>Calls</h3>
      <div className="table-wrap">
        <table aria-label="Recent calls">
          <TableHead
            columns={[
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
            ]}
          />
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
                <td>{formatTokens(record.usage?.inputTokens, record)}</td>
                <td>{formatTokens(record.usage?.outputTokens, record)}</td>
                <td>{formatMs(record.timeToFirstTokenMs)}</td>
                <td>{formatRate(record.tokensPerSecond)}</td>
                <td>{formatRecordCost(record)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
