import type { LocalApiInfo } from '../../shared/contract';
import { createDispatch } from './dispatch';
import { createChatHandlers } from './handlers/chat-handlers';
import { createCompareHandlers } from './handlers/compare-handlers';
import { createCompareVoteHandlers } from './handlers/compare-vote-handlers';
import { createModelHandlers, type ModelOptions } from './handlers/model-handlers';
import { createRoutingHandlers } from './handlers/routing-handlers';
import { createPlaygroundHandlers } from './handlers/playground-handlers';
import { createSettingsHandlers } from './handlers/settings-handlers';
import { createTelemetryHandlers } from './handlers/telemetry-handlers';
import { createUsageHandlers } from './handlers/usage-handlers';
import type { Services } from './services';
import type { Core } from './types';

export interface CoreOptions extends ModelOptions {
  /** The local API the shell started, once it runs. */
  localApi?: () => LocalApiInfo | null;
}

/** The full list of what a renderer can ask of the core. */
export function createCoreFromServices(services: Services, options: CoreOptions = {}): Core {
  const streams = new Map<string, { controller: AbortController; done: Promise<void> }>();
  const chat = createChatHandlers(services, streams);
  const dispatch = createDispatch({
    ...createSettingsHandlers(services, { localApi: options.localApi, modelList: options.modelList }),
    ...createModelHandlers(services, options),
    ...chat,
    ...createCompareHandlers(services, chat),
    ...createUsageHandlers(services),
    ...createRoutingHandlers(services),
    ...createPlaygroundHandlers(services, streams),
    ...createCompareVoteHandlers(services),
    ...createTelemetryHandlers(services),
    'localApi.info': async () => options.localApi?.() ?? null,
  });
  return {
    dispatch,
    async dispose() {
      const running = [...streams.values()];
      for (const { controller } of running) controller.abort();
      // A cancelled stream still writes its usage row: close the database only after.
      await Promise.allSettled(running.map(({ done }) => done));
      streams.clear();
      // Calls already made still reach the collector (or are given up on within its timeout).
      await services.telemetry.dispose();
      services.dispose();
    },
  };
}
