import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { UsageRecord } from '../../../../shared/types/usage';
import { useAppStore } from '../../store/app-store';
import { formatMs, formatRate, formatRecordCost, formatTokens } from '../../ui/format';
import { TableHead } from '../../ui/table-head';
import { describeApiCall, RoutingLogDialog } from './routing-log-dialog';

const columns = [
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
  'Routing',
];

/** The matching calls, newest first, a page at a time; each opens its routing log. */
export function CallsTable() {
  const { page, total, loadOlder } = useAppStore(
    useShallow((state) => ({
      page: state.usageCalls,
      total: state.usageReport?.totals.calls,
      loadOlder: state.loadOlderCalls,
    })),
  );
  const [open, setOpen] = useState<UsageRecord | null>(null);
  const records = page?.records ?? [];
  return (
    <>
      <div className="table-wrap">
        <table aria-label="Recent calls">
          <TableHead columns={columns} />
          <tbody>
            {records.map((record) => (
              <CallRow key={record.id} record={record} onOpen={() => setOpen(record)} />
            ))}
          </tbody>
        </table>
      </div>
      {records.length === 0 && page && (
        <p className="hint">No calls match. Change the filters above, or make a call in Chat or Compare.</p>
      )}
      <div className="usage-more">
        {total !== undefined && records.length > 0 && (
          <span className="hint">
            {records.length.toLocaleString('en-US')} of {total.toLocaleString('en-US')} calls listed
          </span>
        )}
        {page?.next && (
          <button type="button" onClick={() => void loadOlder()}>
            Show older calls
          </button>
        )}
      </div>
      <RoutingLogDialog record={open} onClose={() => setOpen(null)} />
    </>
  );
}

function CallRow({ record, onOpen }: { record: UsageRecord; onOpen(): void }) {
  const time = new Date(record.createdAt).toLocaleString();
  return (
    <tr>
      <td>{time}</td>
      <td>
        {record.source}
        {describeApiCall(record)}
      </td>
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
      <td>
        <button
          type="button"
          className="usage-log-button"
          aria-label={`Routing log: ${record.requestedModel} at ${time}`}
          onClick={onOpen}
        >
          Routing log{record.attempts.length > 1 ? ` (${record.attempts.length} attempts)` : ''}
        </button>
      </td>
    </tr>
  );
}
