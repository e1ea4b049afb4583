import { useState } from 'react';
import type { EndpointView } from '../../../../shared/contract';
import type { EndpointConfig } from '../../../../shared/types/config';
import { useAppStore } from '../../store/app-store';
import { splitList } from '../../ui/format';
import { formErrors, noErrors } from './form-errors';
import { FieldGroup, TextField } from './form-field';
import { SettingsForm } from './settings-form';

interface PriceRow {
  model: string;
  input: string;
  output: string;
}

const toRows = (prices: EndpointConfig['prices']): PriceRow[] =>
  Object.entries(prices ?? {}).map(([model, price]) => ({
    model,
    input: String(price.input),
    output: String(price.output),
  }));

/** Changes an endpoint's base URL, models and prices (USD per million tokens); its id and kind stay. */
export function EndpointEditor({ endpoint, onDone }: { endpoint: EndpointView; onDone(): void }) {
  const saveEndpoint = useAppStore((state) => state.saveEndpoint);
  const [baseURL, setBaseURL] = useState(endpoint.baseURL ?? '');
  const [models, setModels] = useState((endpoint.models ?? []).join(', '));
  const [prices, setPrices] = useState<PriceRow[]>(toRows(endpoint.prices));
  const [errors, setErrors] = useState(noErrors);
  const setPrice = (index: number, change: Partial<PriceRow>) =>
    setPrices(prices.map((row, at) => (at === index ? { ...row, ...change } : row)));

  const submit = async () => {
    const modelList = splitList(models);
    const filled = prices.filter((row) => row.model.trim());
    // Prices of other kinds (cache reads and writes) set in config.json are kept.
    const priceMap = Object.fromEntries(
      filled.map((row) => [
        row.model.trim(),
        { ...endpoint.prices?.[row.model.trim()], input: Number(row.input), output: Number(row.output) },
      ]),
    );
    const outcome = await saveEndpoint({
      id: endpoint.id,
      kind: endpoint.kind,
      // Limits set by hand in config.json are kept: this form does not edit them.
      ...(endpoint.timeouts ? { timeouts: endpoint.timeouts } : {}),
      ...(endpoint.maxAnswerBytes !== undefined ? { maxAnswerBytes: endpoint.maxAnswerBytes } : {}),
      ...(baseURL.trim() ? { baseURL: baseURL.trim() } : {}),
      ...(modelList.length > 0 ? { models: modelList } : {}),
      ...(filled.length > 0 ? { prices: priceMap } : {}),
    });
    // `baseURL`, `models.1`, `prices.gpt-4o.input`: this form's fields are the first part.
    setErrors(formErrors(outcome, (field) => /^(baseURL|models|prices)\b/.exec(field)?.[1] ?? null, 'saved'));
    if (outcome.ok) onDone();
  };

  return (
    <SettingsForm
      className="endpoint-editor"
      label={`Edit ${endpoint.id}`}
      error={errors.form}
      submitLabel="Save changes"
      onSubmit={submit}
      onCancel={onDone}
    >
      <TextField
        label="Base URL"
        error={errors.fields.baseURL}
        type="url"
        value={baseURL}
        required={endpoint.kind === 'openai-compatible'}
        placeholder="provider default"
        onChange={setBaseURL}
      />
      <TextField
        label="Models (comma-separated)"
        className="field-grow"
        error={errors.fields.models}
        value={models}
        onChange={setModels}
      />
      <FieldGroup
        className="prices"
        legend="Prices, USD per million tokens (they win over the bundled catalog)"
        error={errors.fields.prices}
      >
        {prices.map((row, index) => (
          <div key={index} className="inline-form" role="group" aria-label={`Price ${index + 1}`}>
            <label className="field">
              <span>Model</span>
              <input value={row.model} required onChange={(event) => setPrice(index, { model: event.target.value })} />
            </label>
            <PriceInput label="Input" value={row.input} onChange={(input) => setPrice(index, { input })} />
            <PriceInput label="Output" value={row.output} onChange={(output) => setPrice(index, { output })} />
            <button
              type="button"
              aria-label={`Remove price ${index + 1}`}
              onClick={() => setPrices(prices.filter((_, at) => at !== index))}
            >
              Remove
            </button>
          </div>
        ))}
        <button type="button" onClick={() => setPrices([...prices, { model: '', input: '', output: '' }])}>
          Add a price
        </button>
      </FieldGroup>
    </SettingsForm>
  );
}

function PriceInput(props: { label: string; value: string; onChange(value: string): void }) {
  return (
    <label className="field">
      <span>{props.label}</span>
      <input
        type="number"
        min={0}
        step="any"
        required
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </label>
  );
}
