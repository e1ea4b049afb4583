import { parseArgs } from 'node:util';
import { SwitchboardError } from '../../shared/errors/codes';
import { usageSummary } from '../core/usage-summary';
import { openStore } from '../store/open-store';
import type { CallSource, CallStatus } from '../../shared/types/usage';
import { sinceToUtc, untilToUtc } from '../store/since';
import { formatSpendTable, formatUsageCsv, formatUsageTable } from './format-usage';

/**
 * `switchboard usage [--since DATE] [--until DATE] [--source app|api] [--status S] [--model ID] [--endpoint ID]
 * [--route NAME] [--by model] [--format table|csv|json] [--limit N]`, newest first. Every argument is checked
 * before the history is opened.
 */
export async function runUsage(dataDir: string, args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      since: { type: 'string' },
      until: { type: 'string' },
      source: { type: 'string' },
      status: { type: 'string' },
      model: { type: 'string' },
      endpoint: { type: 'string' },
      route: { type: 'string' },
      by: { type: 'string' },
      format: { type: 'string', default: 'table' },
      limit: { type: 'string' },
    },
  });
  // UTC, whatever offset it is written with: the history compares times as UTC ISO text.
  const since = values.since === undefined ? undefined : sinceToUtc(values.since);
  if (values.since !== undefined && since === undefined) {
    throw new SwitchboardError(
      'INVALID_INPUT',
      `--since "${values.since}" is not a date; use e.g. --since 2026-11-01 (midnight UTC) or --since 2026-11-01T10:00:00+02:00`,
    );
  }
  if (values.until !== undefined && untilToUtc(values.until) === undefined) {
    throw new SwitchboardError(
      'INVALID_INPUT',
      `--until "${values.until}" is not a date; use e.g. --until 2026-11-30 (that day included) or --until 2026-11-30T18:00:00Z`,
    );
  }
  const statuses = ['ok', 'error', 'cancelled', 'interrupted'] as const;
  const status = values.status;
  if (status !== undefined && !statuses.includes(status as CallStatus)) {
    throw new SwitchboardError('INVALID_INPUT', `--status "${status}" is unknown; use ${statuses.join(', ')}`);
  }
  if (values.route?.includes('/')) {
    throw new SwitchboardError(
      'INVALID_INPUT',
      `--route "${values.route}" is a model id, not a route name; use --model ${values.route}`,
    );
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
  if (values.limit !== undefined && !/^[1-9]\d{0,8}$/.test(values.limit)) {
    throw new SwitchboardError(
      'INVALID_INPUT',
      `--limit "${values.limit}" is not a number of calls; use a whole number from 1, e.g. --limit 50`,
    );
  }
  const limit = values.limit === undefined ? 10_000 : Number(values.limit);
  const store = openStore(dataDir);
  try {
    const filter = {
      since,
      until: values.until,
      source: source as CallSource | undefined,
      status: status as CallStatus | undefined,
      model: values.model,
      endpoint: values.endpoint,
      route: values.route,
    };
    const summary = usageSummary(store, { ...filter, limit });
    const isByModel = values.by === 'model';
    const isFiltered = Object.values(filter).some((value) => value !== undefined);
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
