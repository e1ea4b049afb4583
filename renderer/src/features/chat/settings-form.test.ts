import { describe, expect, it } from 'vitest';
import { readSettingsForm, settingsSummary, toSettingsForm } from './settings-form';

describe('the conversation settings form', () => {
  it('reads what is filled in, leaving empty fields to the provider', () => {
    const form = { ...toSettingsForm({}), system: 'Be brief.', temperature: '0.3', seed: '42' };
    expect(readSettingsForm(form)).toEqual({
      settings: { system: 'Be brief.', temperature: 0.3, seed: 42 },
      errors: {},
    });
    expect(toSettingsForm({ topP: 0.9, maxOutputTokens: 64 })).toMatchObject({ topP: '0.9', maxOutputTokens: '64' });
    expect(settingsSummary({ system: 'x', temperature: 0.3, seed: 42 })).toBe(
      'System prompt · temperature 0.3 · seed 42',
    );
  });

  it('says beside each field what it takes', () => {
    const form = { ...toSettingsForm({}), temperature: '3', maxOutputTokens: '1.5', topP: '0', seed: '-1' };
    expect(readSettingsForm(form)).toEqual({
      settings: null,
      errors: {
        temperature: 'Temperature is from 0 to 2.',
        maxOutputTokens: 'Max output tokens is a whole number from 1 to 1,000,000.',
        topP: 'Top P is above 0, at most 1.',
        seed: 'Seed is a whole number, 0 or more.',
      },
    });
  });
});
