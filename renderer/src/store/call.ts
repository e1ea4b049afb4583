import type { Result, RouteInput, RouteName, RouteOutput } from '../../../shared/contract';
import type { AppState } from './types';

/** Calls a route and answers its Result as it is, for a form that shows refusals beside its fields. */
export async function request<K extends RouteName>(
  get: () => AppState,
  route: K,
  input: RouteInput<K>,
): Promise<Result<RouteOutput<K>>> {
  const bridge = get().bridge;
  if (!bridge) return { ok: false, error: { code: 'DISCONNECTED', message: 'Not connected to Switchboard yet.' } };
  return (await bridge.request(route, input)) as Result<RouteOutput<K>>;
}

/** Calls a route; a failure becomes the visible notice (by code, with the core's message) and null. */
export async function call<K extends RouteName>(
  get: () => AppState,
  set: (partial: Partial<AppState>) => void,
  route: K,
  input: RouteInput<K>,
): Promise<RouteOutput<K> | null> {
  const result = await request(get, route, input);
  if (result.ok) return result.data;
  if (get().bridge) set({ notice: { kind: 'error', message: result.error.message } });
  return null;
}
