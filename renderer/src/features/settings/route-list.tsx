import { useState, type FormEvent } from 'react';
import type { RouteView } from '../../../../shared/contract';
import { useAppStore } from '../../store/app-store';
import { ConfirmGroup } from '../../ui/confirm-group';
import { formErrors, noErrors } from './form-errors';
import { FormField } from './form-field';

/** `targets.0` → `targets`, `cache.ttlSeconds` → `ttlSeconds`: the route form's own fields. */
function routeFormField(field: string): string | null {
  if (field === 'name' || field.startsWith('targets')) return field.split('.')[0]!;
  return field === 'cache.ttlSeconds' || field === 'cache' ? 'ttlSeconds' : null;
}

/** Routes: one model id for several targets, tried in order. */
export function RouteList() {
  const routes = useAppStore((state) => state.routes);
  return (
    <section className="routes" aria-labelledby="routes-title">
      <h3 id="routes-title">Routes</h3>
      <p className="hint">
        A route is a model id of its own: a call to it tries its targets in order and moves on when one fails.
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

function RouteCard({ route }: { route: RouteView }) {
  const removeRoute = useAppStore((state) => state.removeRoute);
  const [isConfirming, setIsConfirming] = useState(false);
  return (
    <article className="endpoint-card" aria-label={`Route ${route.name}`}>
      <header>
        <strong>{route.name}</strong> <span className="route-targets">{route.targets.join(' → ')}</span>
        {route.cache && <span className="kind">keeps answers {route.cache.ttlSeconds} s</span>}
      </header>
      <div className="inline-form">
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
    </article>
  );
}

function RouteForm() {
  const saveRoute = useAppStore((state) => state.saveRoute);
  const openModelPicker = useAppStore((state) => state.openModelPicker);
  const [name, setName] = useState('');
  const [targets, setTargets] = useState<string[]>([]);
  const [ttlSeconds, setTtlSeconds] = useState('');
  const [errors, setErrors] = useState(noErrors);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const outcome = await saveRoute({
      name: name.trim(),
      targets,
      ...(ttlSeconds.trim() ? { cache: { ttlSeconds: Number(ttlSeconds) } } : {}),
    });
    setErrors(formErrors(outcome, routeFormField, 'saved'));
    if (outcome.ok) {
      setName('');
      setTargets([]);
      setTtlSeconds('');
    }
  };

  return (
    <form
      className="endpoint-form route-form"
      aria-labelledby="add-route-title"
      onSubmit={(event) => void submit(event)}
    >
      <h3 id="add-route-title">Add a route</h3>
      <FormField label="Route name" error={errors.fields.name}>
        {(control) => (
          <input
            {...control}
            value={name}
            required
            placeholder="fast"
            onChange={(event) => setName(event.target.value)}
          />
        )}
      </FormField>
      <FormField label="Targets, in order" className="field-grow" error={errors.fields.targets}>
        {(control) => (
          <div className="route-targets-field">
            {targets.length > 0 && (
              <ol className="route-target-list" aria-label="Chosen targets">
                {targets.map((target, index) => (
                  <li key={`${index}-${target}`}>
                    <span>{target}</span>
                    <button
                      type="button"
                      aria-label={`Remove target ${target}`}
                      onClick={() => setTargets((list) => list.filter((_, at) => at !== index))}
                    >
                      Remove
                    </button>
                  </li>
                ))}
              </ol>
            )}
            {/* The picker is the one way to choose a model; a target is any endpoint-id/model it offers or is typed in it. */}
            <button
              {...control}
              type="button"
              aria-haspopup="dialog"
              onClick={() =>
                openModelPicker({
                  kind: 'field',
                  title: 'Add a target to the route',
                  onPick: (modelId) => setTargets((list) => [...list, modelId]),
                })
              }
            >
              Add a target
            </button>
          </div>
        )}
      </FormField>
      <FormField label="Keep answers for (seconds, optional)" error={errors.fields.ttlSeconds}>
        {(control) => (
          <input
            {...control}
            type="number"
            min={1}
            step={1}
            value={ttlSeconds}
            placeholder="off"
            onChange={(event) => setTtlSeconds(event.target.value)}
          />
        )}
      </FormField>
      {errors.form && (
        <p role="alert" className="form-error">
          {errors.form}
        </p>
      )}
      <button type="submit" className="primary">
        Save route
      </button>
    </form>
  );
}
