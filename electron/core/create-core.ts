import { createDispatch } from './dispatch';
import { createChatHandlers } from './handlers/chat-handlers';
import { createSettingsHandlers } from './handlers/settings-handlers';
import { createUsageHandlers } from './handlers/usage-handlers';
import { createServices, type ServiceOptions, type Services } from './services';
import type { Core } from './types';

/** The full list of what a renderer can ask of the core. */
export function createCoreFromServices(services: Services): Core {
  const streams = new Map<string, AbortController>();
  const dispatch = createDispatch({
    ...createSettingsHandlers(services),
    ...createChatHandlers(services, streams),
    ...createUsageHandlers(services),
  });
  return {
    dispatch,
    async dispose() {
      for (const controller of streams.values()) controller.abort();
      streams.clear();
      services.dispose();
    },
  };
}

export async function createCore(options: ServiceOptions): Promise<Core> {
  return createCoreFromServices(createServices(options));
}
