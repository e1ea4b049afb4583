import { useState } from 'react';
import type { RouteView } from '../../../../shared/contract';
import { useAppStore } from '../../store/app-store';
import { ConfirmGroup } from '../../ui/confirm-group';
import { RouteForm } from './route-form';
import { strategyChoices } from './route-strategy';
import { RouteStrategyEditor } from './route-strategy-editor';

/** Routes: one model id for several targets, ordered by the route's strategy. */
export function RouteList() {
  const routes = useAppStore((state) => state.routes);
  return (
    <section className="routes" aria-labelledby="routes-title">
      <h3 id="routes-title">Routes</h3>
      <p className="hint">
        A route is a model id of its own: a call to it tries its targets in the order its strategy gives and moves on
        when one fails.
      </p>
      <ul className="endpoint-list" aria-label="Routes">
        {routes.map((route) => (
          <li key={route.name}>
            <RouteCard route={route} />
          </li>
        ))}
        {routes.length === 0 && <li className="hint">No routes yet.</li>}
      </ul>
      <RouteForm />
    </section>
  );
}

/** `Weighted (a/m 3, b/m 1)`, `Cheapest`: how a route orders its targets, in a few words. */
function strategyText(route: RouteView): string {
  const strategy = route.strategy ?? 'ordered';
  const label = strategyChoices.find((choice) => choice.value === strategy)?.label ?? strategy;
  const weights = Object.entries(route.weights ?? {}).map(([target, weight]) => `${target} ${weight}`);
  return weights.length > 0 ? `${label} (${weights.join(', ')})` : label;
}

function RouteCard({ route }: { route: RouteView }) {
  const removeRoute = useAppStore((state) => state.removeRoute);
  const [isConfirming, setIsConfirming] = useState(false);
  const [isEditing, setIsEditing] = useState(false);
  return (
    <article className="endpoint-card" aria-label={`Route ${route.name}`}>
      <header>
        <strong>{route.name}</strong> <span className="route-targets">{route.targets.join(' → ')}</span>
        <span className="kind">{strategyText(route)}</span>
        {route.cache && <span className="kind">keeps answers {route.cache.ttlSeconds} s</span>}
      </header>
      {isEditing ? (
        <RouteStrategyEditor route={route} onDone={() => setIsEditing(false)} />
      ) : (
        <div className="inline-form">
          <button type="button" onClick={() => setIsEditing(true)}>
            Edit strategy
          </button>
          {isConfirming ? (
            <ConfirmGroup
              label={`Remove route ${route.name}?`}
              confirmLabel={`Yes, remove ${route.name}`}
              onConfirm={() => void removeRoute(route.name)}
              onCancel={() => setIsConfirming(false)}
            />
          ) : (
            <button type="button" className="danger" onClick={() => setIsConfirming(true)}>
              Remove route
            </button>
          )}
        </div>
      )}
    </article>
  );
}
