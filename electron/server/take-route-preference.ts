import type { z } from 'zod';
import { routePreferenceSchema, type RoutePreference } from '../../shared/routing/route-preference';

export type TakenPreference = { ok: true; route?: RoutePreference } | { ok: false; message: string; param: string };

const none: TakenPreference = { ok: true };

const problem = (error: z.ZodError, where: string) =>
  error.issues.map((issue) => `${[where, ...issue.path].join('.')}: ${issue.message}`).join('; ');

/**
 * A local API request's own route preference, from the `x-switchboard-route` header (JSON) or the body's
 * `"switchboard": { "route": {...} }`, which is taken out of the body so no provider ever sees it. Nothing to
 * do (and nothing allocated) when the request has neither.
 */
export function takeRoutePreference(body: unknown, header: string | string[] | undefined): TakenPreference {
  const hasExtension = typeof body === 'object' && body !== null && Object.hasOwn(body, 'switchboard');
  if (header === undefined && !hasExtension) return none;
  let fromBody: unknown;
  if (hasExtension) {
    const record = body as Record<string, unknown>;
    const extension = record.switchboard;
    delete record.switchboard;
    if (typeof extension !== 'object' || extension === null || Array.isArray(extension))
      return {
        ok: false,
        message: '"switchboard" is an object like {"route": {"only": ["endpoint-id/model"]}}',
        param: 'switchboard',
      };
    const unknown = Object.keys(extension).filter((key) => key !== 'route');
    if (unknown.length > 0)
      return {
        ok: false,
        message: `"switchboard" has only "route"; remove ${unknown.map((key) => `"${key}"`).join(', ')}`,
        param: 'switchboard',
      };
    fromBody = (extension as { route?: unknown }).route;
  }
  if (header !== undefined && fromBody !== undefined)
    return {
      ok: false,
      message:
        'Give the route preference once: the x-switchboard-route header or the body\'s "switchboard.route", not both.',
      param: 'switchboard.route',
    };
  if (fromBody !== undefined) {
    const parsed = routePreferenceSchema.safeParse(fromBody);
    return parsed.success
      ? { ok: true, route: parsed.data }
      : { ok: false, message: problem(parsed.error, 'switchboard.route'), param: 'switchboard.route' };
  }
  if (header === undefined) return none;
  const text = Array.isArray(header) ? header.join(',') : header;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return {
      ok: false,
      message:
        'x-switchboard-route is JSON, e.g. {"only":["endpoint-id/model"]} or {"order":["b/m"],"strategy":"cheapest"}',
      param: 'x-switchboard-route',
    };
  }
  const parsed = routePreferenceSchema.safeParse(value);
  return parsed.success
    ? { ok: true, route: parsed.data }
    : { ok: false, message: problem(parsed.error, 'x-switchboard-route'), param: 'x-switchboard-route' };
}
