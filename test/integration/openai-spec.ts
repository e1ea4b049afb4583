// Validates what Switchboard sends against OpenAI's own schemas (test/fixtures/specs), with Ajv's 2020 build.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';

const spec = JSON.parse(
  readFileSync(fileURLToPath(new URL('../fixtures/specs/openai-openapi-subset.json', import.meta.url)), 'utf8'),
) as { $id: string };
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
ajv.addSchema(spec);

export type OpenAIRoot =
  | 'CreateChatCompletionResponse'
  | 'CreateChatCompletionStreamResponse'
  | 'ErrorResponse'
  | 'Response'
  | 'ResponseStreamEvent';

/** The spec's complaints about `value` as one readable string; '' when it is valid. */
export function openAISpecErrors(root: OpenAIRoot, value: unknown): string {
  const validate = ajv.getSchema(`${spec.$id}#/$defs/${root}`);
  if (!validate) throw new Error(`no ${root} in the spec subset`);
  if (validate(value)) return '';
  return ajv.errorsText(validate.errors, { separator: '\n' });
}
