import { useState } from 'react';
import { FormField } from '../settings/form-field';

/** A key pasted in: hidden as it is typed, shown on request to check it was pasted whole. */
export function KeyField(props: {
  label: string;
  value: string;
  isRequired: boolean;
  error?: string;
  onChange(value: string): void;
}) {
  const [isShown, setIsShown] = useState(false);
  return (
    <div className="key-field">
      <FormField label={props.label} error={props.error} className="field-grow">
        {(control) => (
          <input
            {...control}
            type={isShown ? 'text' : 'password'}
            autoComplete="off"
            spellCheck={false}
            required={props.isRequired}
            value={props.value}
            onChange={(event) => props.onChange(event.target.value)}
          />
        )}
      </FormField>
      <button type="button" onClick={() => setIsShown(!isShown)}>
        {isShown ? 'Hide key' : 'Show key'}
      </button>
    </div>
  );
}
