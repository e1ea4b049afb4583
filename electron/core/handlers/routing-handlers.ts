import type { RouteHealthView } from '../../../shared/contract';
import type { Handlers } from '../dispatch';
import type { Services } from '../services';
import { medianCostByTarget } from './target-costs';

/** How many of a route's newest calls its targets' costs come from, as routing reads for its speeds. */
const recentCalls = 200;

type RoutingHandlers = Pick<Handlers, 'routes.health'>;

/** What routing knows of each route's targets now: benches from memory, measurements and costs from the history. */
export function createRoutingHandlers(services: Services): RoutingHandlers {
  return {
    'routes.health': async () => {
      const { router } = services;
      return Object.entries(services.readConfig().routes).map(([name, route]): RouteHealthView => {
        const stats = router.stats(name);
        const costs = medianCostByTarget(services.store.listUsagePage({ route: name }, { limit: recentCalls }).records);
        return {
          name,
          strategy: route.strategy ?? 'ordered',
          targets: route.targets.map((target) => {
            const circuit = router.health.state(target);
            const measured = stats.targets.get(target);
            return {
              target,
              state: circuit.state === 'closed' ? 'ok' : circuit.state === 'open' ? 'benched' : 'probing',
              benchedUntil: circuit.state === 'open' ? new Date(circuit.until).toISOString() : null,
              reason: circuit.state === 'closed' ? null : circuit.reason,
              failures: circuit.failures,
              successRate: measured ? measured.successRate : null,
              medianTtftMs: measured?.medianTtftMs ?? null,
              samples: measured?.samples ?? 0,
              medianCostUSD: costs.get(target) ?? null,
            };
          }),
        };
      });
    },
  };
}
