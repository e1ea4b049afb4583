import { z } from 'zod';
import { route } from './define';

/** One target of a route as routing sees it now: its circuit and what its recent calls measured. */
export interface TargetHealthView {
  target: string;
  /** `ok` (called), `benched` (skipped until `benchedUntil`), `probing` (one probe call out). */
  state: 'ok' | 'benched' | 'probing';
  /** ISO time the bench ends; null unless benched. */
  benchedUntil: string | null;
  /** Why it was benched: its last failure. */
  reason: string | null;
  /** Failures in a row so far. */
  failures: number;
  /** Share of recent attempts on this route that served (recent ones weigh more); null without any. */
  successRate: number | null;
  medianTtftMs: number | null;
  /** USD: the median cost of a call this target served on this route recently, priced calls only; null without any. */
  medianCostUSD: number | null;
  /** Attempts on this route the figures come from. */
  samples: number;
}

export interface RouteHealthView {
  name: string;
  strategy: 'ordered' | 'cheapest' | 'fastest' | 'weighted';
  targets: TargetHealthView[];
}

export const routingRoutes = {
  /** Each route's targets with their bench state and recent measurements, for Settings (read-only). */
  'routes.health': route<RouteHealthView[]>()(z.object({})),
};
