import { readRawEvent } from '../raw-usage';
import {
  parseEvent,
  textOf,
  unreadable,
  type EventReading,
  type Json,
  type WireContent,
  type WireReader,
} from './event-reading';

const none: EventReading = {};
const withModel: EventReading = { hasModel: true };

/** Output items that are the model's own message or thinking; every other kind is a tool call. */
const answerItems = new Set(['message', 'reasoning']);

/** OpenAI Responses: `event: <type>` events from `response.created` to `response.completed`. */
export const responsesReader: WireReader = {
  readEvent(data, _name, account) {
    const event = parseEvent(data);
    if (event === undefined) return unreadable;
    switch (event.type) {
      case 'response.output_text.delta':
      case 'response.refusal.delta':
        return { content: 'text', text: typeof event.delta === 'string' ? event.delta : '' };
      case 'response.reasoning_summary_text.delta':
      case 'response.reasoning_text.delta':
        return { content: 'reasoning', text: typeof event.delta === 'string' ? event.delta : '' };
      case 'response.function_call_arguments.delta':
      case 'response.custom_tool_call_input.delta':
      case 'response.mcp_call_arguments.delta':
        return { content: 'tool-call', text: typeof event.delta === 'string' ? event.delta : '' };
      case 'response.output_item.added':
        return answerItems.has(event.item?.type) ? none : { content: 'tool-call', text: '' };
      case 'response.completed':
      case 'response.incomplete':
        readRawEvent('openai-responses', account, event);
        return { hasModel: true, isEnd: true };
      case 'response.failed':
        readRawEvent('openai-responses', account, event);
        return { error: event.response ?? event };
      case 'error':
        return { error: event };
      default:
        if (!event.response) return none;
        readRawEvent('openai-responses', account, event);
        return withModel;
    }
  },
  readBody(body, account) {
    if (body.status === 'failed' || (body.error && !Array.isArray(body.output))) return { error: body };
    readRawEvent('openai-responses', account, { type: `response.${String(body.status)}`, response: body });
    let content: WireContent = 'text';
    let text = '';
    for (const item of Array.isArray(body.output) ? (body.output as Json[]) : []) {
      if (!answerItems.has(item?.type)) content = 'tool-call';
      if (item?.type !== 'message' || !Array.isArray(item.content)) continue;
      for (const part of item.content as Json[]) text += textOf(part?.text) ?? textOf(part?.refusal) ?? '';
    }
    return { content, text, hasModel: true };
  },
  isFinishedWithoutEnd: () => false,
};
