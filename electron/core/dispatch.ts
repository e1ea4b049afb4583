import { z } from 'zod';
import {
  isRouteName,
  routes,
  type ParsedInput,
  type Result,
  type RouteName,
  type RouteOutput,
} from '../../shared/contract';
import { SwitchboardError } from '../../shared/errors/codes';
import type { CallContext } from './types';

/** One handler per route: a missing or extra one does not compile. */
export type Handlers = {
  [K in RouteName]: (input: ParsedInput<K>, context: CallContext) => Promise<RouteOutput<K>>;
};

/** Validates a request against the contract, runs its handler, and never throws. */
export function createDispatch(handlers: Handlers) {
  return async (route: unknown, input: unknown, context: CallContext): Promise<Result<unknown>> => {
    if (!isRouteName(route)) {
      return {
        ok: false,
        error: { code: 'UNKNOWN_ROUTE', message: `There is no request named ${JSON.stringify(route)}.` },
      };
    }
    const parsed = routes[route].input.safeParse(input ?? {});
    if (!parsed.success) {
      const fields = parsed.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message }));
      return {
        ok: false,
        error: { code: 'INVALID_INPUT', message: `Invalid ${route} request: ${z.prettifyError(parsed.error)}`, fields },
      };
    }
    try {
      const handler = handlers[route] as (input: unknown, context: CallContext) => Promise<unknown>;
      return { ok: true, data: await handler(parsed.data, context) };
    } catch (error) {
      if (error instanceof SwitchboardError) {
        const fields = error.fields ? { fields: error.fields } : {};
        return { ok: false, error: { code: error.code, message: error.message, ...fields } };
      }
      console.error(`switchboard: ${route} failed:`, error);
      return { ok: false, error: { code: 'INTERNAL', message: `${route} failed: ${(error as Error).message}` } };
    }
  };
}
