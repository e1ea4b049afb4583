import { describe, expect, it } from 'vitest';
import { endpointFormField } from './endpoint-form';
import { formErrors, noErrors } from './form-errors';

const refused = (message: string, fields: { field: string; message: string }[]) =>
  ({ ok: false, code: 'INVALID_INPUT', message, fields }) as const;

describe('a refusal laid out on a form', () => {
  it("puts each problem beside its form field, and the form's line speaks of the form only", () => {
    const errors = formErrors(
      refused('This change was not saved:\n  endpoints[2].id: …\n/home/me/config.json is unchanged.', [
        { field: 'endpoint.id', message: '"work" is already the id of an endpoint' },
        { field: 'endpoint.models.1', message: 'a model needs a name' },
        { field: 'endpoint.models.3', message: 'a later problem of the same field' },
      ]),
      endpointFormField,
      'added',
    );
    // The first problem of a field is shown; its sentence ends with a full stop.
    expect(errors.fields).toEqual({
      id: '"work" is already the id of an endpoint.',
      models: 'a model needs a name.',
    });
    expect(errors.form).toBe('Not added: fix the marked fields.');
  });

  it('says a problem that belongs to no field above the button, and a refusal without fields in its own words', () => {
    expect(
      formErrors(
        refused('…', [{ field: 'routes.openai', message: '"openai" is also an endpoint id; rename the route' }]),
        endpointFormField,
        'added',
      ),
    ).toEqual({ form: 'Not added: "openai" is also an endpoint id; rename the route.', fields: {} });
    expect(formErrors(refused('The disk is full.', []), endpointFormField, 'saved')).toEqual({
      form: 'The disk is full.',
      fields: {},
    });
    expect(formErrors({ ok: true, data: undefined }, endpointFormField, 'saved')).toBe(noErrors);
  });
});
