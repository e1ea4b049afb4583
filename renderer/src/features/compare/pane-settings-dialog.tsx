import * as Dialog from '@radix-ui/react-dialog';
import { useState, type FormEvent } from 'react';
import type { ConversationSettings } from '../../../../shared/contract';
import { useAppStore } from '../../store/app-store';
import { overridesSummary } from '../../store/compare-setup';
import { readSettingsForm, toSettingsForm, type SettingsForm } from '../chat/settings-form';
import { SettingsNumberFields } from '../chat/settings-number-fields';

/** What one pane sets for itself; every field left empty uses the shared setting. */
export function PaneSettingsDialog(props: { index: number; overrides: ConversationSettings }) {
  const [isOpen, setIsOpen] = useState(false);
  const number = props.index + 1;
  const summary = overridesSummary(props.overrides);
  const summaryId = `pane-${number}-settings-summary`;
  return (
    <Dialog.Root open={isOpen} onOpenChange={setIsOpen}>
      <Dialog.Trigger asChild>
        <button type="button" aria-describedby={summary ? summaryId : undefined}>
          Settings<span className="visually-hidden"> for model {number}</span>
        </button>
      </Dialog.Trigger>
      {summary && (
        <span id={summaryId} className="settings-summary">
          {summary}
        </span>
      )}
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog settings-dialog" aria-describedby={`pane-${number}-settings-hint`}>
          <Dialog.Title className="dialog-title">Settings for model {number}</Dialog.Title>
          {isOpen && <PaneSettingsForm index={props.index} initial={props.overrides} onDone={() => setIsOpen(false)} />}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function PaneSettingsForm(props: { index: number; initial: ConversationSettings; onDone(): void }) {
  const setPaneOverrides = useAppStore((state) => state.setPaneOverrides);
  const [form, setForm] = useState<SettingsForm>(() => toSettingsForm(props.initial));
  const [hasOwnSystem, setHasOwnSystem] = useState(props.initial.system !== undefined);
  const [errors, setErrors] = useState<Partial<Record<keyof SettingsForm, string>>>({});
  const number = props.index + 1;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const read = readSettingsForm(form);
    setErrors(read.errors);
    if (!read.settings) return;
    const { system: _system, ...numbers } = read.settings;
    setPaneOverrides(props.index, hasOwnSystem ? { ...numbers, system: form.system } : numbers);
    props.onDone();
  };

  return (
    <form className="settings-form" noValidate onSubmit={submit}>
      <p id={`pane-${number}-settings-hint`} className="hint">
        Only this pane. Empty fields use the shared settings; used from its next question on.
      </p>
      <label className="field-inline">
        <input type="checkbox" checked={hasOwnSystem} onChange={(event) => setHasOwnSystem(event.target.checked)} />
        Its own system prompt (empty: none)
      </label>
      {hasOwnSystem && (
        <label className="field">
          <span>System prompt for model {number}</span>
          <textarea
            rows={4}
            value={form.system}
            onChange={(event) => setForm({ ...form, system: event.target.value })}
          />
        </label>
      )}
      <SettingsNumberFields
        form={form}
        errors={errors}
        onChange={setForm}
        idPrefix={`pane-${number}`}
        placeholder="shared"
      />
      <div className="dialog-actions">
        <button type="submit" className="primary">
          Save pane settings
        </button>
        <Dialog.Close asChild>
          <button type="button">Cancel</button>
        </Dialog.Close>
      </div>
    </form>
  );
}
