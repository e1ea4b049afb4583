import { useState } from 'react';
import type { RouteView } from '../../../../shared/contract';
import { useAppStore } from '../../store/app-store';
import { formErrors, noErrors, problemsFound } from './form-errors';
import { SettingsForm } from './settings-form';
import { checkWeights, strategyConfig, strategyDraft, strategyFormField } from './route-strategy';
import { StrategyFields } from './strategy-fields';

/** Changes a route's strategy and weights; its targets, cache and limits are kept as config.json has them. */
export function RouteStrategyEditor({ route, onDone }: { route: RouteView; onDone(): void }) {
  const setRouteStrategy = useAppStore((state) => state.setRouteStrategy);
  const [draft, setDraft] = useState(() => strategyDraft(route));
  const [errors, setErrors] = useState(noErrors);

  const submit = async () => {
    const found = problemsFound(checkWeights(draft, route.targets), 'saved');
    if (found) return setErrors(found);
    const { weights } = strategyConfig(draft, route.targets);
    const outcome = await setRouteStrategy({ name: route.name, strategy: draft.strategy, weights });
    setErrors(formErrors(outcome, strategyFormField, 'saved'));
    if (outcome.ok) onDone();
  };

  return (
    <SettingsForm
      className="endpoint-editor"
      label={`Strategy of ${route.name}`}
      error={errors.form}
      submitLabel="Save strategy"
      onSubmit={submit}
      onCancel={onDone}
    >
      <StrategyFields draft={draft} targets={route.targets} errors={errors.fields} onChange={setDraft} />
    </SettingsForm>
  );
}
