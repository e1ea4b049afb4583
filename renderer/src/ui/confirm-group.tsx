import type { ReactNode } from 'react';

/**
 * Asks before something is deleted: a named group whose confirm button takes the focus, so
 * Enter confirms and Tab reaches the way back.
 */
export function ConfirmGroup(props: {
  label: string;
  question?: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  className?: string;
  onConfirm(): void;
  onCancel(): void;
}) {
  return (
    <div role="group" aria-label={props.label} className={props.className ?? 'inline-form'}>
      {props.question && <span>{props.question}</span>}
      <button type="button" className="danger" autoFocus onClick={props.onConfirm}>
        {props.confirmLabel}
      </button>
      <button type="button" onClick={props.onCancel}>
        {props.cancelLabel ?? 'Cancel'}
      </button>
    </div>
  );
}
