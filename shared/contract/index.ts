import type { z } from 'zod';
import { chatRoutes, type ChatEvents } from './chat';
import { compareRoutes } from './compare';
import { compareVoteRoutes } from './compare-votes';
import type { Result, Route } from './define';
import { routingRoutes } from './routing';
import { playgroundRoutes, type PlaygroundEvents } from './playground';
import { settingsRoutes } from './settings';
import { telemetryRoutes } from './telemetry';
import { usageRoutes } from './usage';

/** Every request the renderer can make of the core. */
export const routes = {
  ...settingsRoutes,
  ...chatRoutes,
  ...compareRoutes,
  ...usageRoutes,
  ...routingRoutes,
  ...playgroundRoutes,
  ...compareVoteRoutes,
  ...telemetryRoutes,
};
export type Routes = typeof routes;
export type RouteName = keyof Routes;
export type RouteInput<K extends RouteName> = z.input<Routes[K]['input']>;
export type ParsedInput<K extends RouteName> = z.output<Routes[K]['input']>;
export type RouteOutput<K extends RouteName> = Routes[K] extends Route<z.ZodType, infer O> ? O : never;

/** Every event the core sends to the renderer. */
export type Events = ChatEvents & PlaygroundEvents;
export type EventName = keyof Events;

/** The one object a renderer talks through: the preload's IPC bridge or browser mode's socket. */
export interface SwitchboardBridge {
  request<K extends RouteName>(route: K, input: RouteInput<K>): Promise<Result<RouteOutput<K>>>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
}

export { channels } from './channels';

export function isRouteName(value: unknown): value is RouteName {
  return typeof value === 'string' && Object.hasOwn(routes, value);
}

export type { FieldProblem, Result } from './define';
export type * from './attachments';
export type * from './chat';
export type * from './compare';
export type * from './routing';
export type * from './settings';
export type * from './usage';
export type * from './playground';
export type * from './compare-votes';
export type * from './telemetry';
