import type { Result, RouteInput, RouteName, RouteOutput } from '../../../shared/contract';
import type { AppState } from './types';

/** Calls a route; a failure becomes the visible notice (by code, with the core's message) and null. */
export async function call<K extends RouteName>(
  get: () => AppState,
  set: (partial: Partial<AppState>) => void,
  route: K,
  input: RouteInput<K>,
): Promise<RouteOutput<K> | null> {
  const bridge = get().bridge;
  if (!bridge) return null;
  const result = (await bridge.request(route, input)) as Result<RouteOutput<K>>;
  if (result.ok) return result.data;
  set({ notice: { kind: 'error', message: result.error.message } });
  return null;
}
