import { useState } from 'react';
import { useAppStore } from '../../store/app-store';
import { downloadFile } from './download-file';

const types = { csv: 'text/csv;charset=utf-8', json: 'application/json' } as const;

/** Saves every matching call (not only those listed) as CSV or JSON. Keys are never in a call's row. */
export function ExportButtons() {
  const exportUsage = useAppStore((state) => state.exportUsage);
  const total = useAppStore((state) => state.usageReport?.totals.calls ?? 0);
  const [progress, setProgress] = useState<string>('');
  const [isRunning, setIsRunning] = useState(false);

  async function run(format: 'csv' | 'json') {
    setIsRunning(true);
    setProgress('Exporting…');
    const pieces = await exportUsage(format, (calls) =>
      setProgress(`Exporting… ${calls.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} calls`),
    );
    setIsRunning(false);
    if (!pieces) {
      setProgress('The export stopped; the message above says why.');
      return;
    }
    const name = `switchboard-usage-${new Date().toISOString().slice(0, 10)}.${format}`;
    downloadFile(pieces, name, types[format]);
    setProgress(`Saved ${name}.`);
  }

  return (
    <div className="usage-export" role="group" aria-label="Export the matching calls">
      <button type="button" disabled={isRunning} onClick={() => void run('csv')}>
        Export CSV
      </button>
      <button type="button" disabled={isRunning} onClick={() => void run('json')}>
        Export JSON
      </button>
      <span role="status" className="hint">
        {progress}
      </span>
    </div>
  );
}
