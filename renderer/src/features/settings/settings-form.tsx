import { useId, type FormEvent, type ReactNode } from 'react';

/**
 * A Settings form: titled by its heading (or named by `label` when it has none), its fields, then what
 * belongs to no field (announced) and its submit button, with Cancel for an editor.
 */
export function SettingsForm(props: {
  title?: string;
  label?: string;
  className: string;
  error: string | null;
  submitLabel: string;
  onSubmit(): Promise<void>;
  onCancel?: () => void;
  children: ReactNode;
}) {
  const titleId = useId();
  const submit = (
    <button type="submit" className="primary">
      {props.submitLabel}
    </button>
  );
  return (
    <form
      className={props.className}
      aria-labelledby={props.title ? titleId : undefined}
      aria-label={props.title ? undefined : props.label}
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        void props.onSubmit();
      }}
    >
      {props.title && <h3 id={titleId}>{props.title}</h3>}
      {props.children}
      {props.error && (
        <p role="alert" className="form-error">
          {props.error}
        </p>
      )}
      {props.onCancel ? (
        <div className="inline-form">
          {submit}
          <button type="button" onClick={props.onCancel}>
            Cancel
          </button>
        </div>
      ) : (
        submit
      )}
    </form>
  );
}
