// OpenAI's published schemas for the Responses API (test/fixtures/specs): what every event and body must match.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv from 'ajv/dist/2020.js';

const spec = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../fixtures/specs/openai-openapi-subset.json'), 'utf8'),
);
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
ajv.addSchema(spec);

const schema = (name: string) => {
  const validate = ajv.getSchema(`${spec.$id}#/$defs/${name}`);
  if (!validate) throw new Error(`no schema ${name} in the spec subset`);
  return validate;
};

/** The spec's own schema for each event type (the union alone would accept an event matching another type). */
const eventSchemas: Record<string, string> = {
  'response.created': 'ResponseCreatedEvent',
  'response.in_progress': 'ResponseInProgressEvent',
  'response.completed': 'ResponseCompletedEvent',
  'response.incomplete': 'ResponseIncompleteEvent',
  'response.failed': 'ResponseFailedEvent',
  error: 'ResponseErrorEvent',
  'response.output_item.added': 'ResponseOutputItemAddedEvent',
  'response.output_item.done': 'ResponseOutputItemDoneEvent',
  'response.content_part.added': 'ResponseContentPartAddedEvent',
  'response.content_part.done': 'ResponseContentPartDoneEvent',
  'response.output_text.delta': 'ResponseTextDeltaEvent',
  'response.output_text.done': 'ResponseTextDoneEvent',
  'response.function_call_arguments.delta': 'ResponseFunctionCallArgumentsDeltaEvent',
  'response.function_call_arguments.done': 'ResponseFunctionCallArgumentsDoneEvent',
  'response.reasoning_summary_part.added': 'ResponseReasoningSummaryPartAddedEvent',
  'response.reasoning_summary_part.done': 'ResponseReasoningSummaryPartDoneEvent',
  'response.reasoning_summary_text.delta': 'ResponseReasoningSummaryTextDeltaEvent',
  'response.reasoning_summary_text.done': 'ResponseReasoningSummaryTextDoneEvent',
};

function check(name: string, value: unknown): string[] {
  const validate = schema(name);
  if (validate(value)) return [];
  return (validate.errors ?? []).map((error) => `${name}${error.instancePath} ${error.message}`);
}

/** Schema errors of one stream event (empty when it matches both the union and its own type). */
export function responseEventErrors(event: { type: string }): string[] {
  const own = eventSchemas[event.type];
  if (!own) return [`no schema is known for event type ${event.type}`];
  return [...check('ResponseStreamEvent', event), ...check(own, event)];
}

/** Schema errors of a `Response` body. */
export function responseBodyErrors(body: unknown): string[] {
  return check('Response', body);
}

/** Schema errors of an error body (`{ error: { message, type, param, code } }`). */
export function errorBodyErrors(body: unknown): string[] {
  return check('ErrorResponse', body);
}

/** The events of a Responses SSE text, checking the frame: `event:` naming the type, then `data:`. */
/** One parsed event; tests read its fields freely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ResponseEvent = { type: string; sequence_number: number } & Record<string, any>;

export function parseResponseEvents(sse: string): ResponseEvent[] {
  return sse
    .split('\n\n')
    .filter((frame) => frame.trim() !== '')
    .map((frame) => {
      const [eventLine, dataLine, ...rest] = frame.split('\n');
      if (!eventLine?.startsWith('event: ') || !dataLine?.startsWith('data: ') || rest.length > 0) {
        throw new Error(`not a Responses event frame: ${JSON.stringify(frame)}`);
      }
      const event = JSON.parse(dataLine.slice('data: '.length));
      if (event.type !== eventLine.slice('event: '.length)) throw new Error(`event name and type differ: ${frame}`);
      return event;
    });
}
