import { useId, type ReactNode } from 'react';

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
