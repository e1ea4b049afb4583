import { useId, type InputHTMLAttributes, type ReactNode } from 'react';

/** What a control needs to be labelled and to carry its error. */
export interface FieldControl {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/**
 * A labelled control with its error beside it: the error is tied to the control (aria-describedby) and
 * marks it invalid, and stays out of its name.
 */
export function FormField(props: {
  label: string;
  error?: string;
  className?: string;
  children: (control: FieldControl) => ReactNode;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  const control: FieldControl = props.error ? { id, 'aria-invalid': true, 'aria-describedby': errorId } : { id };
  return (
    <div className={props.className ? `field ${props.className}` : 'field'}>
      <label htmlFor={id}>{props.label}</label>
      {props.children(control)}
      {props.error && (
        <span id={errorId} className="field-error">
          {props.error}
        </span>
      )}
    </div>
  );
}

/** The common field: a text-like input under its label, with its error beside it. */
export function TextField(
  props: {
    label: string;
    error?: string;
    className?: string;
    value: string;
    onChange(value: string): void;
  } & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className' | 'value' | 'onChange'>,
) {
  const { label, error, className, value, onChange, ...input } = props;
  return (
    <FormField label={label} error={error} className={className}>
      {(control) => <input {...input} {...control} value={value} onChange={(event) => onChange(event.target.value)} />}
    </FormField>
  );
}

/** Controls under one legend, with the group's error tied to it (aria-describedby) and marking it invalid. */
export function FieldGroup(props: { legend: string; error?: string; className?: string; children: ReactNode }) {
  const errorId = `${useId()}-error`;
  return (
    <fieldset
      className={props.className}
      aria-invalid={props.error ? true : undefined}
      aria-describedby={props.error ? errorId : undefined}
    >
      <legend>{props.legend}</legend>
      {props.error && (
        <span id={errorId} className="field-error">
          {props.error}
        </span>
      )}
      {props.children}
    </fieldset>
  );
}
