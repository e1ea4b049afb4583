// The Playground form as typed, and how it becomes what the core takes (and back).
import type { FieldProblem, PlaygroundParams } from '../../../shared/contract';
import { readSchema } from '../../../shared/playground/schema-text';
import type { PlaygroundForm, PlaygroundParamsForm } from './playground-types';

export const emptyParams: PlaygroundParamsForm = {
  temperature: '',
  topP: '',
  maxOutputTokens: '',
  seed: '',
  stop: '',
  json: false,
  jsonSchema: '',
};

export const emptyForm = (prompts: PlaygroundForm['prompts'] = []): PlaygroundForm => ({
  promptId: null,
  name: '',
  system: '',
  messages: [],
  user: '',
  params: emptyParams,
  modelIds: [],
  cases: [],
  concurrency: '4',
  isDirty: false,
  restoredFrom: null,
  versions: [],
  runs: [],
  prompts,
  run: null,
  compareRun: null,
  problems: [],
});

/** The typed parameters as the contract takes them, or the problems beside their fields. */
export function readParams(form: PlaygroundParamsForm): { params: PlaygroundParams; problems: FieldProblem[] } {
  const params: PlaygroundParams = {};
  const problems: FieldProblem[] = [];
  const number = (key: 'temperature' | 'topP' | 'maxOutputTokens' | 'seed', words: string) => {
    const text = form[key].trim();
    if (!text) return;
    const value = Number(text);
    if (Number.isFinite(value)) params[key] = value;
    else problems.push({ field: `params.${key}`, message: `${words} is a number` });
  };
  number('temperature', 'temperature');
  number('topP', 'top_p');
  number('maxOutputTokens', 'max output tokens');
  number('seed', 'the seed');
  const stop = form.stop
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  if (stop.length) params.stop = stop;
  if (form.json) params.json = true;
  const schemaText = form.jsonSchema.trim();
  if (form.json && schemaText) {
    const schema = readSchema(schemaText);
    if (typeof schema === 'string') problems.push({ field: 'params.jsonSchema', message: schema });
    else params.jsonSchema = schema;
  }
  return { params, problems };
}

export function paramsForm(params: PlaygroundParams): PlaygroundParamsForm {
  const text = (value: number | undefined) => (value === undefined ? '' : String(value));
  return {
    temperature: text(params.temperature),
    topP: text(params.topP),
    maxOutputTokens: text(params.maxOutputTokens),
    seed: text(params.seed),
    stop: params.stop?.join(', ') ?? '',
    json: params.json ?? false,
    jsonSchema: params.jsonSchema ? JSON.stringify(params.jsonSchema, null, 2) : '',
  };
}

/** The core names fields by their path in the request (`draft.user`); the form by its own (`user`). */
export const formFields = (fields: FieldProblem[] = []): FieldProblem[] =>
  fields.map((problem) => {
    const field = problem.field.replace(/^draft\./, '');
    // Shown under the table: which case it is about.
    const caseIndex = /^cases\.(\d+)\./.exec(field)?.[1];
    return { field, message: caseIndex ? `Case ${Number(caseIndex) + 1}: ${problem.message}` : problem.message };
  });
