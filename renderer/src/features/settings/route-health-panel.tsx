import { useCallback, useEffect, useState } from 'react';
import type { RouteHealthView } from '../../../../shared/contract';
import { useAppStore } from '../../store/app-store';
import { healthStateText, medianCostText, medianTtftText, successText } from './route-health-text';

/** Read-only: how each route orders its targets, which are benched and why, and their recent measurements. */
export function RouteHealthPanel() {
  const bridge = useAppStore((state) => state.bridge);
  // Read again when a route is saved, so a new strategy or target shows at once.
  const savedRoutes = useAppStore((state) => state.routes);
  const [routes, setRoutes] = useState<RouteHealthView[] | null>(null);
  const [readAt, setReadAt] = useState(() => Date.now());
  const load = useCallback(async () => {
    if (!bridge) return;
    const result = await bridge.request('routes.health', {});
    if (result.ok) {
      setRoutes(result.data);
      setReadAt(Date.now());
    }
  }, [bridge]);
  useEffect(() => {
    void load();
  }, [load, savedRoutes]);
  if (!routes || routes.length === 0) return null;

  return (
    <section className="route-health" aria-labelledby="route-health-title">
      <h3 id="route-health-title">Route health</h3>
      <p className="hint">
        A target that fails 3 times in a row is benched for a while, then one call probes it. Figures are from the
        route’s recent calls.{' '}
        <button type="button" onClick={() => void load()}>
          Refresh route health
        </button>
      </p>
      {routes.map((route) => (
        <table key={route.name} aria-label={`Targets of ${route.name}`}>
          <caption>
            {route.name} <span className="hint">({route.strategy})</span>
          </caption>
          <thead>
            <tr>
              <th scope="col">Target</th>
              <th scope="col">State</th>
              <th scope="col">Served (recent)</th>
              <th scope="col">Median first token</th>
              <th scope="col">Median cost</th>
            </tr>
          </thead>
          <tbody>
            {route.targets.map((target) => (
              <tr key={target.target}>
                <th scope="row">{target.target}</th>
                <td>{healthStateText(target, readAt)}</td>
                <td>{successText(target)}</td>
                <td>{medianTtftText(target)}</td>
                <td>{medianCostText(target)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}
