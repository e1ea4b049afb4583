import type Database from 'better-sqlite3';
import type { RouteCall } from '../routing/target-stats';

/** How many of a route's calls the router reads: enough to measure, few enough to read on the hot path. */
const recentLimit = 200;

/** A route's recent calls, newest first: `usage_by_requested_model` finds them in order. */
export const routeHistorySql = `SELECT target, time_to_first_token_ms AS ttft, tokens_per_second AS tps, output_tokens AS output, attempts
     FROM usage WHERE requested_model = ? AND status != 'cancelled' ORDER BY created_at DESC LIMIT ?`;

/** A route's recent calls, newest first, through the `usage_by_requested_model` index. */
export function createRouteHistory(db: Database.Database): (routeName: string) => RouteCall[] {
  const select = db.prepare<
    [string, number],
    {
      target: string | null;
      ttft: number | null;
      tps: number | null;
      output: number | null;
      attempts: string;
    }
  >(routeHistorySql);
  return (routeName) =>
    select.all(routeName, recentLimit).map((row) => ({
      target: row.target,
      timeToFirstTokenMs: row.ttft,
      tokensPerSecond: row.tps,
      outputTokens: row.output,
      attempts: JSON.parse(row.attempts) as RouteCall['attempts'],
    }));
}
