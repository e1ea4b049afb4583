import { settingsFields, type SettingsForm } from './settings-form';

/** The numeric parameters (temperature, max output tokens, top P, seed), each with its error beside it. */
export function SettingsNumberFields(props: {
  form: SettingsForm;
  errors: Partial<Record<keyof SettingsForm, string>>;
  onChange: (form: SettingsForm) => void;
  /** Makes the error ids unique on the page (`settings`, `pane-2`). */
  idPrefix: string;
  placeholder?: string;
}) {
  const { form, errors } = props;
  return (
    <div className="settings-numbers">
      {settingsFields.map((field) => {
        const errorId = `${props.idPrefix}-${field.key}-error`;
        return (
          <label key={field.key} className="field">
            <span>{field.label}</span>
            <input
              type="number"
              inputMode="decimal"
              step={field.step}
              min={field.min}
              max={field.max}
              placeholder={props.placeholder}
              value={form[field.key]}
              aria-invalid={errors[field.key] ? true : undefined}
              aria-describedby={errors[field.key] ? errorId : undefined}
              onChange={(event) => props.onChange({ ...form, [field.key]: event.target.value })}
            />
            {errors[field.key] && (
              <span id={errorId} className="field-error">
                {errors[field.key]}
              </span>
            )}
          </label>
        );
      })}
    </div>
  );
}
