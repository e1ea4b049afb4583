import type { ConversationSettings } from '../../../../shared/contract';

/** The settings as typed: text, so a half-written number stays as it is. */
export interface SettingsForm {
  system: string;
  temperature: string;
  maxOutputTokens: string;
  topP: string;
  seed: string;
}

type NumberKey = Exclude<keyof SettingsForm, 'system'>;

/** Each number field with its range, as the core checks it too. */
export const settingsFields: {
  key: NumberKey;
  label: string;
  min: number;
  max: number;
  step: string;
  isWhole: boolean;
  /** What to write instead, said beside the field. */
  range: string;
}[] = [
  { key: 'temperature', label: 'Temperature', min: 0, max: 2, step: '0.1', isWhole: false, range: 'from 0 to 2' },
  {
    key: 'maxOutputTokens',
    label: 'Max output tokens',
    min: 1,
    max: 1_000_000,
    step: '1',
    isWhole: true,
    range: 'a whole number from 1 to 1,000,000',
  },
  { key: 'topP', label: 'Top P', min: 0, max: 1, step: '0.05', isWhole: false, range: 'above 0, at most 1' },
  {
    key: 'seed',
    label: 'Seed',
    min: 0,
    max: 2 ** 31 - 1,
    step: '1',
    isWhole: true,
    range: 'a whole number, 0 or more',
  },
];

export function toSettingsForm(settings: ConversationSettings): SettingsForm {
  const text = (value: number | undefined) => (value === undefined ? '' : String(value));
  return {
    system: settings.system ?? '',
    temperature: text(settings.temperature),
    maxOutputTokens: text(settings.maxOutputTokens),
    topP: text(settings.topP),
    seed: text(settings.seed),
  };
}

/** The form as settings, or what is wrong with each field (in words for the field, beside it). */
export function readSettingsForm(form: SettingsForm): {
  settings: ConversationSettings | null;
  errors: Partial<Record<NumberKey, string>>;
} {
  const settings: ConversationSettings = form.system.trim() ? { system: form.system } : {};
  const errors: Partial<Record<NumberKey, string>> = {};
  for (const field of settingsFields) {
    const typed = form[field.key].trim();
    if (!typed) continue;
    const value = Number(typed);
    const isInRange =
      Number.isFinite(value) &&
      value <= field.max &&
      (field.key === 'topP' ? value > 0 : value >= field.min) &&
      (!field.isWhole || Number.isInteger(value));
    if (isInRange) settings[field.key] = value;
    else errors[field.key] = `${field.label} is ${field.range}.`;
  }
  return { settings: Object.keys(errors).length > 0 ? null : settings, errors };
}

/** A short line of what is set: `System prompt · temperature 0.2`. */
export function settingsSummary(settings: ConversationSettings): string {
  const parts = settings.system?.trim() ? ['System prompt'] : [];
  for (const field of settingsFields) {
    const value = settings[field.key];
    if (value !== undefined) parts.push(`${field.label.toLowerCase()} ${value}`);
  }
  return parts.join(' · ');
}
