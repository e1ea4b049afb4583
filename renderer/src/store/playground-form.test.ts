import { describe, expect, it } from 'vitest';
import { formFields, readParams } from './playground-form';

const blank = { temperature: '', topP: '', maxOutputTokens: '', seed: '', stop: '', json: false, jsonSchema: '' };

describe('Playground parameters as typed', () => {
  it('leaves empty fields to the provider, reads numbers and stop sequences, and names a field that is not a number', () => {
    expect(
      readParams({ ...blank, temperature: '0.7', maxOutputTokens: '256', stop: ' END, ###,', json: true }),
    ).toEqual({ params: { temperature: 0.7, maxOutputTokens: 256, stop: ['END', '###'], json: true }, problems: [] });
    expect(readParams({ ...blank, temperature: 'warm', seed: '1e' })).toEqual({
      params: {},
      problems: [
        { field: 'params.temperature', message: 'temperature is a number' },
        { field: 'params.seed', message: 'the seed is a number' },
      ],
    });
  });

  it('reads a JSON schema with JSON output, and says beside the field what is wrong with a malformed one', () => {
    expect(readParams({ ...blank, json: true, jsonSchema: '{"type": "object"}' }).params).toEqual({
      json: true,
      jsonSchema: { type: 'object' },
    });
    // Without JSON output the schema is not sent.
    expect(readParams({ ...blank, jsonSchema: '{"type": "object"}' }).params).toEqual({});
    expect(readParams({ ...blank, json: true, jsonSchema: '{"type": ' }).problems).toEqual([
      { field: 'params.jsonSchema', message: expect.stringMatching(/^the schema is not JSON \(.+\)$/) },
    ]);
    expect(readParams({ ...blank, json: true, jsonSchema: '["object"]' }).problems).toEqual([
      { field: 'params.jsonSchema', message: 'a JSON schema is an object, such as {"type": "object"}' },
    ]);
  });
});

describe('refusals from the core', () => {
  it('names fields as the form does, and says which case a refused check belongs to', () => {
    expect(
      formFields([
        { field: 'draft.params.jsonSchema', message: 'the JSON schema cannot be used: Unsupported type: strnig' },
        { field: 'draft.messages.1.content', message: 'write the message or remove it' },
        { field: 'cases.2.checks.0.schema', message: 'the JSON schema cannot be used: Reference not found: #/x' },
      ]),
    ).toEqual([
      { field: 'params.jsonSchema', message: 'the JSON schema cannot be used: Unsupported type: strnig' },
      { field: 'messages.1.content', message: 'write the message or remove it' },
      { field: 'cases.2.checks.0.schema', message: 'Case 3: the JSON schema cannot be used: Reference not found: #/x' },
    ]);
  });
});
