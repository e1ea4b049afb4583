import * as Dialog from '@radix-ui/react-dialog';
import { useState, type FormEvent } from 'react';
import type { ConversationSettings } from '../../../../shared/contract';
import { useAppStore } from '../../store/app-store';
import { readSettingsForm, settingsSummary, toSettingsForm, type SettingsForm } from './settings-form';
import { SettingsNumberFields } from './settings-number-fields';

/** The conversation's system prompt and parameters, kept with it and used on every turn. */
export function SettingsDialog() {
  const settings = useAppStore((state) => state.chat.settings);
  const [isOpen, setIsOpen] = useState(false);
  const summary = settingsSummary(settings);
  return (
    <Dialog.Root open={isOpen} onOpenChange={setIsOpen}>
      <Dialog.Trigger asChild>
        <button type="button" aria-describedby={summary ? 'chat-settings-summary' : undefined}>
          Conversation settings
        </button>
      </Dialog.Trigger>
      {summary && (
        <span id="chat-settings-summary" className="settings-summary">
          {summary}
        </span>
      )}
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog settings-dialog" aria-describedby="chat-settings-hint">
          <Dialog.Title className="dialog-title">Conversation settings</Dialog.Title>
          {isOpen && <SettingsFormView initial={settings} onDone={() => setIsOpen(false)} />}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function SettingsFormView(props: { initial: ConversationSettings; onDone(): void }) {
  const saveChatSettings = useAppStore((state) => state.saveChatSettings);
  const isNew = useAppStore((state) => state.chat.conversationId === null);
  const [form, setForm] = useState<SettingsForm>(() => toSettingsForm(props.initial));
  const [errors, setErrors] = useState<Partial<Record<keyof SettingsForm, string>>>({});
  const [refusal, setRefusal] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const read = readSettingsForm(form);
    setErrors(read.errors);
    if (!read.settings) return;
    const problem = await saveChatSettings(read.settings);
    setRefusal(problem);
    if (!problem) props.onDone();
  };

  return (
    <form className="settings-form" noValidate onSubmit={(event) => void submit(event)}>
      <p id="chat-settings-hint" className="hint">
        {isNew ? 'For the conversation your next message starts.' : 'Kept with this conversation.'} Empty fields use the
        provider’s defaults.
      </p>
      <label className="field">
        <span>System prompt</span>
        <textarea rows={4} value={form.system} onChange={(event) => setForm({ ...form, system: event.target.value })} />
      </label>
      <SettingsNumberFields form={form} errors={errors} onChange={setForm} idPrefix="settings" />
      {refusal && (
        <p className="field-error" role="alert">
          {refusal}
        </p>
      )}
      <div className="dialog-actions">
        <button type="submit" className="primary">
          Save settings
        </button>
        <Dialog.Close asChild>
          <button type="button">Cancel</button>
        </Dialog.Close>
      </div>
    </form>
  );
}
