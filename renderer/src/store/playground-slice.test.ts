import { describe, expect, it } from 'vitest';
import { readParams } from './playground-slice';

describe('Playground parameters as typed', () => {
  it('leaves empty fields to the provider, reads numbers and stop sequences, and names a field that is not a number', () => {
    expect(
      readParams({ temperature: '0.7', topP: '', maxOutputTokens: '256', seed: '', stop: ' END, ###,', json: true }),
    ).toEqual({ params: { temperature: 0.7, maxOutputTokens: 256, stop: ['END', '###'], json: true }, problems: [] });
    expect(
      readParams({ temperature: 'warm', topP: '', maxOutputTokens: '', seed: '1e', stop: '', json: false }),
    ).toEqual({
      params: {},
      problems: [
        { field: 'params.temperature', message: 'temperature is a number' },
        { field: 'params.seed', message: 'the seed is a number' },
      ],
    });
  });
});
