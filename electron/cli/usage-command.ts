import { parseArgs } from 'node:util';
import { SwitchboardError } from '../../shared/errors/codes';
import { usageSummary } from '../core/usage-summary';
import { openStore } from '../store/open-store';
import { formatSpendTable, formatUsageCsv, formatUsageTable } from './format-usage';

/** `switchboard usage [--since DATE] [--source app|api] [--by model] [--format table|csv|json]`, newest first. */
export async function runUsage(dataDir: string, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      since: { type: 'string' },
      source: { type: 'string' },
      by: { type: 'string' },
      format: { type: 'string', default: 'table' },
      limit: { type: 'string' },
    },
  });
  if (values.since !== undefined && Number.isNaN(Date.parse(values.since))) {
    throw new SwitchboardError('INVALID_INPUT', `--since "${values.since}" is not a date; use e.g. 2026-11-01`);
  }
  const source = values.source;
  if (source !== undefined && source !== 'app' && source !== 'api') {
    throw new SwitchboardError('INVALID_INPUT', `--source "${source}" is unknown; use app or api`);
  }
  if (values.by !== undefined && values.by !== 'model') {
    throw new SwitchboardError('INVALID_INPUT', `--by "${values.by}" is unknown; use --by model`);
  }
  const format = values.format;
  if (format !== 'table' && format !== 'csv' && format !== 'json') {
    throw new SwitchboardError('INVALID_INPUT', `--format "${format}" is unknown; use table, csv or json`);
  }
  const limit = values.limit === undefined ? 10_000 : Number(values.limit);
  const store = openStore(dataDir);
  try {
    const since = values.since === undefined ? undefined : new Date(values.since).toISOString();
    const summary = usageSummary(store, { since, source, limit });
    const isByModel = values.by === 'model';
    const isFiltered = since !== undefined || source !== undefined;
    if (format === 'json') {
      process.stdout.write(`${JSON.stringify(isByModel ? summary.byModel : summary.records, null, 2)}\n`);
    } else if (format === 'csv') {
      process.stdout.write(
        isByModel ? formatSpendTable(summary.byModel, isFiltered, ',') : formatUsageCsv(summary.records),
      );
    } else {
      process.stdout.write(
        isByModel ? formatSpendTable(summary.byModel, isFiltered) : formatUsageTable(summary, isFiltered),
      );
    }
    return 0;
  } finally {
    store.close();
  }
}
