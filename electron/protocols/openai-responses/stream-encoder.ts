import type { NeutralPart, ResponseMeta, StreamEncoder } from '../types';
import { ResponseBuilder } from './response-builder';

/** One event as OpenAI frames it: its type named, then its JSON. */
export function frameEvent(event: { type: string }): string {
  return `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}

/** The Responses stream of a translated answer, part by part; `fail` ends it with `response.failed`. */
export function createResponsesStreamEncoder(meta: ResponseMeta, body: Record<string, unknown>): StreamEncoder {
  const builder = new ResponseBuilder(meta, body);
  return {
    write: (part: NeutralPart) => builder.write(part).map(frameEvent).join(''),
    fail: (code: string, message: string) => builder.fail(code, message).map(frameEvent).join(''),
  };
}

/** A whole (non-streaming) answer: the `Response` its parts add up to. */
export function toResponsesBody(meta: ResponseMeta, parts: NeutralPart[], body: Record<string, unknown>): unknown {
  const builder = new ResponseBuilder(meta, body);
  for (const part of parts) builder.write(part);
  // Parts that stop without a finish were cut short: the answer is failed, never complete.
  if (!builder.isEnded) builder.fail('INTERRUPTED', 'The answer ended before it was complete.');
  return builder.response;
}
