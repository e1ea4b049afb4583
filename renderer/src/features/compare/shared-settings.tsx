import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/app-store';
import { settingsFields } from '../chat/settings-form';

/** The settings every pane uses unless it sets its own; part of the compare form (checked when it is sent). */
export function SharedSettings(props: { formId: string }) {
  const { shared, setCompareShared } = useAppStore(
    useShallow((state) => ({ shared: state.compare.shared, setCompareShared: state.setCompareShared })),
  );
  return (
    <fieldset className="compare-settings">
      <legend>Shared settings (a pane can set its own; empty: the provider’s default)</legend>
      <label className="field field-grow">
        <span>System prompt (optional)</span>
        <textarea
          form={props.formId}
          rows={1}
          value={shared.system}
          onChange={(event) => setCompareShared({ system: event.target.value })}
        />
      </label>
      {settingsFields
        .filter((field) => field.key !== 'seed')
        .map((field) => (
          <label key={field.key} className="field compare-number">
            <span>{field.label}</span>
            <input
              form={props.formId}
              type="number"
              inputMode="decimal"
              min={field.key === 'topP' ? 0.01 : field.min}
              max={field.max}
              step={field.isWhole ? 1 : 'any'}
              placeholder="default"
              value={shared[field.key]}
              onChange={(event) => setCompareShared({ [field.key]: event.target.value })}
            />
          </label>
        ))}
    </fieldset>
  );
}
