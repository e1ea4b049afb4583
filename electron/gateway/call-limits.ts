import type { EndpointConfig, SwitchboardConfig, TimeoutSettings } from '../../shared/types/config';

export type TimeLimit = keyof Required<TimeoutSettings>;
export type LimitName = TimeLimit | 'maxAnswerBytes';

/**
 * The limits where neither the route nor the endpoint sets one. A first token within a minute (a
 * reasoning model thinking hard may need more: raise it for that route), no half-minute silence
 * mid-answer, ten minutes a call, and 4 MiB of text, far past any model's output limit.
 */
export const defaultLimits: Readonly<Record<LimitName, number>> = {
  firstTokenMs: 60_000,
  idleMs: 30_000,
  totalMs: 600_000,
  maxAnswerBytes: 4 * 1024 * 1024,
};

/** A route's own limits, carried with the targets it resolved to. */
export interface RouteLimits {
  name: string;
  timeouts?: TimeoutSettings;
  maxAnswerBytes?: number;
}

/** The limits of one attempt, and where each is set, to tell the user what to raise. */
export interface CallLimits extends Record<LimitName, number> {
  /** `routes.fast.timeouts.idleMs`, or `timeouts.idleMs on endpoint "local"` for a call without a route. */
  settingFor(limit: LimitName): string;
}

/** The route's limits for a model id that names a route; none for `endpoint-id/model`. */
export function routeLimits(config: SwitchboardConfig, modelId: string): RouteLimits | undefined {
  if (!Object.hasOwn(config.routes, modelId)) return undefined;
  const { timeouts, maxAnswerBytes } = config.routes[modelId]!;
  return { name: modelId, timeouts, maxAnswerBytes };
}

/** Each limit from the route, else the endpoint, else the default. */
export function callLimits(route: RouteLimits | undefined, endpoint: EndpointConfig): CallLimits {
  const timeout = (limit: TimeLimit) => route?.timeouts?.[limit] ?? endpoint.timeouts?.[limit] ?? defaultLimits[limit];
  return {
    firstTokenMs: timeout('firstTokenMs'),
    idleMs: timeout('idleMs'),
    totalMs: timeout('totalMs'),
    maxAnswerBytes: route?.maxAnswerBytes ?? endpoint.maxAnswerBytes ?? defaultLimits.maxAnswerBytes,
    settingFor(limit) {
      const field = limit === 'maxAnswerBytes' ? limit : `timeouts.${limit}`;
      return route ? `routes.${route.name}.${field}` : `${field} on endpoint "${endpoint.id}"`;
    },
  };
}

/** `250 ms`, `30 s`, `10 min`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  if (ms < 120_000 || ms % 60_000 !== 0) return `${Math.round(ms / 100) / 10} s`;
  return `${ms / 60_000} min`;
}

/** `512 bytes`, `64 KiB`, `4 MiB`. */
export function formatBytes(bytes: number): string {
  const round = (value: number) => Math.round(value * 100) / 100;
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${round(bytes / 1024)} KiB`;
  return `${round(bytes / (1024 * 1024))} MiB`;
}

/** What happened and how to raise the limit that was hit. */
export function limitMessage(limit: LimitName, limits: CallLimits, target: string, hasOutput: boolean): string {
  const kept = hasOutput ? '; the partial answer is kept' : '';
  const raise = `Raise ${limits.settingFor(limit)} in config.json`;
  const value = limits[limit];
  switch (limit) {
    case 'firstTokenMs':
      return `No token from ${target} within ${formatDuration(value)} (timeouts.firstTokenMs). ${raise} to wait longer.`;
    case 'idleMs':
      return `Stopped after ${formatDuration(value)} without a token from ${target} (timeouts.idleMs)${kept}. ${raise} to wait longer.`;
    case 'totalMs':
      return `${hasOutput ? 'Stopped' : 'No answer'} at the ${formatDuration(value)} limit for the whole call (timeouts.totalMs)${kept}. ${raise} to allow longer calls.`;
    case 'maxAnswerBytes':
      return `Stopped: the answer passed ${formatBytes(value)} (maxAnswerBytes)${kept}. ${raise} to allow longer answers.`;
  }
}
