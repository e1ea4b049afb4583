import { useId } from 'react';
import { useAppStore } from '../../store/app-store';

/** A model id typed, or picked from the list: Compare's fields, beside a button that opens the picker. */
export function ModelIdField(props: { label: string; value: string; onChange(value: string): void }) {
  const models = useAppStore((state) => state.models);
  const catalog = useAppStore((state) => state.catalog);
  const listId = useId();
  return (
    <label className="field">
      <span>{props.label}</span>
      <input
        list={listId}
        value={props.value}
        placeholder="route or endpoint/model"
        onChange={(event) => props.onChange(event.target.value)}
      />
      <datalist id={listId}>
        {models.map((model) => (
          <option key={model.id} value={model.id}>
            {model.label}
          </option>
        ))}
        {catalog
          .flatMap((endpoint) => endpoint.models)
          .filter((model) => !models.some((option) => option.id === model.id))
          .map((model) => (
            <option key={model.id} value={model.id} />
          ))}
      </datalist>
    </label>
  );
}
