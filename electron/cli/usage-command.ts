import { parseArgs } from 'node:util';
import { SwitchboardError } from '../../shared/errors/codes';
import { summarizeUsage } from '../core/summarize-usage';
import { openStore } from '../store/open-store';
import { formatUsageCsv, formatUsageTable } from './format-usage';

/** `switchboard usage [--since DATE] [--format table|csv|json]`, newest first. */
export async function runUsage(dataDir: string, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { since: { type: 'string' }, format: { type: 'string', default: 'table' }, limit: { type: 'string' } },
  });
  if (values.since !== undefined && Number.isNaN(Date.parse(values.since))) {
    throw new SwitchboardError('INVALID_INPUT', `--since "${values.since}" is not a date; use e.g. 2026-11-01`);
  }
  const format = values.format;
  if (format !== 'table' && format !== 'csv' && format !== 'json') {
    throw new SwitchboardError('INVALID_INPUT', `--format "${format}" is unknown; use table, csv or json`);
  }
  const limit = values.limit === undefined ? 10_000 : Number(values.limit);
  const store = openStore(dataDir);
  try {
    const since = values.since === undefined ? undefined : new Date(values.since).toISOString();
    const { records, totalCostUSD, unpricedCount } = summarizeUsage(store.listUsage({ since, limit }));
    if (format === 'json') process.stdout.write(`${JSON.stringify(records, null, 2)}\n`);
    else if (format === 'csv') process.stdout.write(formatUsageCsv(records));
    else process.stdout.write(formatUsageTable(records, totalCostUSD, unpricedCount));
    return 0;
  } finally {
    store.close();
  }
}
