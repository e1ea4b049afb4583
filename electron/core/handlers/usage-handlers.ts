import type { Handlers } from '../dispatch';
import type { Services } from '../services';
import { usageSummary } from '../usage-summary';

export function createUsageHandlers(services: Services): Pick<Handlers, 'usage.list'> {
  return {
    'usage.list': async ({ since, source, limit }) => usageSummary(services.store, { since, source, limit }),
  };
}
