import { useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/app-store';
import { formErrors, noErrors } from '../settings/form-errors';
import { FormField } from '../settings/form-field';
import { KeyField } from './key-field';
import { freeId, idFromBaseURL, presetById, presets, type Preset } from './presets';
import { startChatting } from './start-chatting';

/** The request's fields as this form names them: `endpoint.id` → `id`, `key` → `key`. */
const formField = (field: string) => /^(?:endpoint\.)?(id|baseURL|key)\b/.exec(field)?.[1] ?? null;

/**
 * A provider in three steps: choose it, paste its key, "Add and test". The key is tested by fetching the
 * provider's model list; nothing is saved unless it comes. The welcome then opens Chat (`isFirst`);
 * Settings stays where it is, ready for the next one.
 */
export function ProviderForm({ isFirst }: { isFirst: boolean }) {
  const addEndpoint = useAppStore((state) => state.addEndpoint);
  const [preset, setPreset] = useState<Preset | null>(null);
  const [id, setId] = useState('');
  const [isIdTyped, setIsIdTyped] = useState(false);
  const [baseURL, setBaseURL] = useState('');
  const [key, setKey] = useState('');
  const [errors, setErrors] = useState(noErrors);
  const [isBusy, setIsBusy] = useState(false);

  const endpointIds = useAppStore(useShallow((state) => state.endpoints.map((endpoint) => endpoint.id)));
  const suggestId = (name: string) => freeId(name, endpointIds);

  const choose = (chosen: Preset) => {
    setPreset(chosen);
    setBaseURL(chosen.baseURL ?? '');
    if (!isIdTyped) setId(suggestId(chosen.id));
    setErrors(noErrors);
  };
  const changeBaseURL = (value: string) => {
    setBaseURL(value);
    // A server given by address is named after it, until the user names it.
    if (preset?.key === 'optional' && !isIdTyped) setId(suggestId(idFromBaseURL(value, preset.id)));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!preset) return;
    setIsBusy(true);
    const outcome = await addEndpoint({
      endpoint: { id: id.trim(), kind: preset.kind, ...(baseURL.trim() ? { baseURL: baseURL.trim() } : {}) },
      ...(key.trim() ? { key: key.trim() } : {}),
      isTested: true,
    });
    setIsBusy(false);
    setErrors(formErrors(outcome, formField, 'added'));
    if (!outcome.ok) return;
    if (isFirst) {
      startChatting(preset, outcome.data);
      return;
    }
    setPreset(null);
    setId('');
    setIsIdTyped(false);
    setKey('');
  };

  return (
    <form className="provider-form" aria-labelledby="provider-title" onSubmit={(event) => void submit(event)}>
      <h3 id="provider-title">Add a provider</h3>
      <fieldset className="preset-grid">
        <legend>Provider</legend>
        {presets.map((option) => (
          <label key={option.id} className="preset">
            <input
              type="radio"
              name="preset"
              value={option.id}
              checked={preset?.id === option.id}
              onChange={() => choose(presetById(option.id)!)}
            />
            {option.label}
          </label>
        ))}
      </fieldset>
      {preset && (
        <div className="provider-fields">
          {(preset.kind === 'openai-compatible' || errors.fields.baseURL) && (
            <FormField label="Base URL" error={errors.fields.baseURL} className="field-grow">
              {(control) => (
                <input
                  {...control}
                  type="url"
                  required
                  value={baseURL}
                  placeholder="https://api.example.com/v1"
                  onChange={(event) => changeBaseURL(event.target.value)}
                />
              )}
            </FormField>
          )}
          {preset.key !== 'none' && (
            <KeyField
              label={preset.key === 'optional' ? 'API key (if it needs one)' : `${preset.label} API key`}
              value={key}
              isRequired={preset.key === 'required'}
              error={errors.fields.key}
              onChange={setKey}
            />
          )}
          {preset.keyPage && (
            <p className="hint">
              No key yet? Make one at{' '}
              <a href={preset.keyPage} target="_blank" rel="noreferrer">
                {new URL(preset.keyPage).hostname}
              </a>
              . It is kept in your OS keychain.
            </p>
          )}
          <FormField label="Endpoint id" error={errors.fields.id}>
            {(control) => (
              <input
                {...control}
                required
                value={id}
                onChange={(event) => {
                  setId(event.target.value);
                  setIsIdTyped(true);
                }}
              />
            )}
          </FormField>
          {errors.form && (
            <p role="alert" className="form-error">
              {errors.form}
            </p>
          )}
          <button type="submit" className="primary" disabled={isBusy}>
            {isBusy ? 'Testing…' : 'Add and test'}
          </button>
        </div>
      )}
    </form>
  );
}
