import { useState } from 'react';
import { useAppStore } from '../../store/app-store';
import { formErrors, noErrors, problemsFound } from './form-errors';
import { FormField, TextField } from './form-field';
import { SettingsForm } from './settings-form';
import { checkWeights, strategyConfig, strategyDraft, strategyFormField } from './route-strategy';
import { StrategyFields } from './strategy-fields';

/** `targets.0` → `targets`, `cache.ttlSeconds` → `ttlSeconds`, `weights.a/m` as it is: the route form's own fields. */
function routeFormField(field: string): string | null {
  if (field === 'name' || field.startsWith('targets')) return field.split('.')[0]!;
  if (field === 'cache.ttlSeconds' || field === 'cache') return 'ttlSeconds';
  return strategyFormField(field);
}

/** Adds a route: its name, its targets chosen with the picker, its strategy and an optional cache. */
export function RouteForm() {
  const saveRoute = useAppStore((state) => state.saveRoute);
  const openModelPicker = useAppStore((state) => state.openModelPicker);
  const [name, setName] = useState('');
  const [targets, setTargets] = useState<string[]>([]);
  const [draft, setDraft] = useState(strategyDraft);
  const [ttlSeconds, setTtlSeconds] = useState('');
  const [errors, setErrors] = useState(noErrors);

  const submit = async () => {
    const found = problemsFound(checkWeights(draft, targets), 'saved');
    if (found) return setErrors(found);
    const outcome = await saveRoute({
      name: name.trim(),
      targets,
      ...strategyConfig(draft, targets),
      ...(ttlSeconds.trim() ? { cache: { ttlSeconds: Number(ttlSeconds) } } : {}),
    });
    setErrors(formErrors(outcome, routeFormField, 'saved'));
    if (outcome.ok) {
      setName('');
      setTargets([]);
      setDraft(strategyDraft());
      setTtlSeconds('');
    }
  };

  return (
    <SettingsForm
      className="endpoint-form route-form"
      title="Add a route"
      error={errors.form}
      submitLabel="Save route"
      onSubmit={submit}
    >
      <TextField
        label="Route name"
        error={errors.fields.name}
        value={name}
        required
        placeholder="fast"
        onChange={setName}
      />
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
      <TextField
        label="Keep answers for (seconds, optional)"
        error={errors.fields.ttlSeconds}
        type="number"
        min={1}
        step={1}
        value={ttlSeconds}
        placeholder="off"
        onChange={setTtlSeconds}
      />
      <StrategyFields draft={draft} targets={targets} errors={errors.fields} onChange={setDraft} />
    </SettingsForm>
  );
}
