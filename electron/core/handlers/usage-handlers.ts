import type { Handlers } from '../dispatch';
import type { Services } from '../services';
import { summarizeUsage } from '../summarize-usage';

export function createUsageHandlers(services: Services): Pick<Handlers, 'usage.list'> {
  return {
    'usage.list': async ({ since, limit }) => summarizeUsage(services.store.listUsage({ since, limit })),
  };
}
