import type { FormOutcome } from '../../store/types';

/** A refusal laid out on a form: a message per field, and what belongs to no field. */
export interface FormErrors {
  form: string | null;
  fields: Record<string, string>;
}

export const noErrors: FormErrors = { form: null, fields: {} };

/** "the key is empty" → "the key is empty.": left lower-case, since it may start with an id ("local refused …"). */
const sentence = (text: string) => {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
};

/**
 * Where each problem of a refusal goes: beside the form field its request field maps to (`fieldOf`
 * turns `endpoint.id` or `targets.0` into the form's own field name), else above the form's button.
 * The form's line then speaks of the form ("Not added: fix the marked field"), never of the
 * request or the file behind it.
 */
export function formErrors(
  outcome: FormOutcome<unknown>,
  fieldOf: (field: string) => string | null,
  verb: 'added' | 'saved',
): FormErrors {
  if (outcome.ok) return noErrors;
  const fields: Record<string, string> = {};
  const elsewhere: string[] = [];
  for (const problem of outcome.fields) {
    const field = fieldOf(problem.field);
    if (field === null) elsewhere.push(sentence(problem.message));
    else fields[field] ??= sentence(problem.message);
  }
  const marked = Object.keys(fields).length;
  const form =
    elsewhere.length > 0
      ? `Not ${verb}: ${elsewhere.join(' ')}`
      : marked > 0
        ? fixMarked(verb, marked)
        : outcome.message;
  return { form, fields };
}

const fixMarked = (verb: string, marked: number) => `Not ${verb}: fix the marked ${marked === 1 ? 'field' : 'fields'}.`;

/** Problems the form found itself before sending anything, laid out as a refusal would be; null when none. */
export function problemsFound(fields: Record<string, string>, verb: 'added' | 'saved'): FormErrors | null {
  const marked = Object.keys(fields).length;
  return marked === 0 ? null : { form: fixMarked(verb, marked), fields };
}
