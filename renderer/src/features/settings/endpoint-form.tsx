import { useState } from 'react';
import { endpointKinds, type EndpointKind } from '../../../../shared/types/endpoint-kinds';
import { useAppStore } from '../../store/app-store';
import { splitList } from '../../ui/format';
import { formErrors, noErrors } from './form-errors';
import { FormField, TextField } from './form-field';
import { SettingsForm } from './settings-form';

const kindLabels: Record<EndpointKind, string> = {
  openai: 'OpenAI',
  anthropic: 'Anthropic',
  google: 'Google Gemini',
  openrouter: 'OpenRouter',
  vercel: 'Vercel AI Gateway',
  'openai-compatible': 'OpenAI-compatible (Groq, Ollama, LM Studio, …)',
};

/** `endpoint.baseURL` → `baseURL`, `endpoint.models.2` → `models`: the form's own fields. */
export function endpointFormField(field: string): string | null {
  const match = /^(?:endpoint\.)?(id|kind|baseURL|models)\b/.exec(field);
  return match ? match[1]! : null;
}

export function EndpointForm() {
  const addEndpoint = useAppStore((state) => state.addEndpoint);
  const refreshModels = useAppStore((state) => state.refreshModels);
  const [id, setId] = useState('');
  const [kind, setKind] = useState<EndpointKind>('openai');
  const [baseURL, setBaseURL] = useState('');
  const [models, setModels] = useState('');
  const [errors, setErrors] = useState(noErrors);

  const submit = async () => {
    const modelList = splitList(models);
    const outcome = await addEndpoint({
      endpoint: {
        id: id.trim(),
        kind,
        ...(baseURL.trim() ? { baseURL: baseURL.trim() } : {}),
        ...(modelList.length > 0 ? { models: modelList } : {}),
      },
      isTested: false,
    });
    setErrors(formErrors(outcome, endpointFormField, 'added'));
    if (outcome.ok) {
      // A server that needs no key (Ollama, LM Studio) lists its models at once; others once their key is set.
      if (kind === 'openai-compatible') void refreshModels(id.trim());
      setId('');
      setBaseURL('');
      setModels('');
    }
  };

  return (
    <SettingsForm
      className="endpoint-form"
      title="Add an endpoint"
      error={errors.form}
      submitLabel="Add endpoint"
      onSubmit={submit}
    >
      <TextField
        label="Endpoint id"
        error={errors.fields.id}
        value={id}
        required
        placeholder="work-openai"
        onChange={setId}
      />
      <FormField label="Kind" error={errors.fields.kind}>
        {(control) => (
          <select {...control} value={kind} onChange={(event) => setKind(event.target.value as EndpointKind)}>
            {endpointKinds.map((value) => (
              <option key={value} value={value}>
                {kindLabels[value]}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <TextField
        label="Base URL"
        error={errors.fields.baseURL}
        value={baseURL}
        type="url"
        required={kind === 'openai-compatible'}
        placeholder={kind === 'openai-compatible' ? 'http://127.0.0.1:11434/v1' : 'provider default'}
        onChange={setBaseURL}
      />
      <TextField
        label="Models (comma-separated)"
        error={errors.fields.models}
        value={models}
        placeholder="optional: the endpoint's own list is fetched"
        onChange={setModels}
      />
    </SettingsForm>
  );
}
