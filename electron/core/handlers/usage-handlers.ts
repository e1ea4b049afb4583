import { removeBudget, setBudget } from '../../config/edit-config';
import type { Handlers } from '../dispatch';
import type { Services } from '../services';
import { exportUsage } from '../usage-export';
import { usageReport, usageSummary } from '../usage-summary';

type UsageRouteName =
  'usage.list' | 'usage.report' | 'usage.calls' | 'usage.export' | 'budgets.status' | 'budgets.save' | 'budgets.remove';

export function createUsageHandlers(services: Services): Pick<Handlers, UsageRouteName> {
  const { store } = services;
  return {
    'usage.list': async (query) => usageSummary(store, query),
    'usage.report': (filter) => usageReport(store, filter),
    'usage.calls': async ({ cursor, limit, ...filter }) => store.listUsagePage(filter, { cursor, limit }),
    'usage.export': async ({ format, cursor, limit, ...filter }) =>
      exportUsage(store, filter, { format, cursor, limit }),
    'budgets.status': async () => services.budgets(),
    'budgets.save': async ({ endpointId, ...budget }) => {
      await services.editConfig((config) => setBudget(config, endpointId, budget));
      return services.budgets();
    },
    'budgets.remove': async ({ endpointId }) => {
      await services.editConfig((config) => removeBudget(config, endpointId));
      return services.budgets();
    },
  };
}
