import { useEffect, useState } from 'react';
import type { RouteHealthView, TargetHealthView } from '../../../../shared/contract';
import { useAppStore } from '../../store/app-store';

const stateText = (target: TargetHealthView) =>
  target.state === 'benched'
    ? `benched until ${new Date(target.benchedUntil!).toLocaleTimeString()}: ${target.reason ?? ''}`
    : target.state === 'probing'
      ? 'probing'
      : 'ok';

/** Read-only: how each route orders its targets, and which are benched, with their recent measurements. */
export function RouteHealthPanel() {
  const bridge = useAppStore((state) => state.bridge);
  const [routes, setRoutes] = useState<RouteHealthView[] | null>(null);
  useEffect(() => {
    if (!bridge) return;
    let isCurrent = true;
    void bridge.request('routes.health', {}).then((result) => {
      if (isCurrent && result.ok) setRoutes(result.data);
    });
    return () => {
      isCurrent = false;
    };
  }, [bridge]);
  if (!routes || routes.length === 0) return null;

  return (
    <section className="route-health" aria-labelledby="route-health-title">
      <h3 id="route-health-title">Route health</h3>
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
            </tr>
          </thead>
          <tbody>
            {route.targets.map((target) => (
              <tr key={target.target}>
                <td>{target.target}</td>
                <td>{stateText(target)}</td>
                <td>
                  {target.successRate === null
                    ? 'no calls yet'
                    : `${Math.round(target.successRate * 100)}% of ${target.samples}`}
                </td>
                <td>{target.medianTtftMs === null ? '—' : `${Math.round(target.medianTtftMs)} ms`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}
