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

/** What a content block holds, when it starts or in a whole message. */
function blockContent(block: Json | undefined): EventReading {
  switch (block?.type) {
    case 'text': {
      const text = textOf(block.text);
      return text === undefined ? none : { content: 'text', text };
    }
    case 'thinking': {
      const text = textOf(block.thinking);
      return text === undefined ? none : { content: 'reasoning', text };
    }
    case 'redacted_thinking':
      return { content: 'reasoning', text: '' };
    case 'tool_use':
    case 'server_tool_use':
    case 'mcp_tool_use':
      return {
        content: 'tool-call',
        text: block.input && Object.keys(block.input).length > 0 ? JSON.stringify(block.input) : '',
      };
    default:
      // Tool results and blocks newer than this code: content, though not text to keep.
      return { content: 'other', text: '' };
  }
}

function deltaContent(delta: Json | undefined): EventReading {
  switch (delta?.type) {
    case 'text_delta':
      return { content: 'text', text: typeof delta.text === 'string' ? delta.text : '' };
    case 'thinking_delta':
      return { content: 'reasoning', text: typeof delta.thinking === 'string' ? delta.thinking : '' };
    case 'input_json_delta':
      return { content: 'tool-call', text: typeof delta.partial_json === 'string' ? delta.partial_json : '' };
    case 'citations_delta':
      return { content: 'text', text: '' };
    // The signature closing a thinking block adds nothing to read.
    case 'signature_delta':
      return none;
    default:
      return { content: 'other', text: '' };
  }
}

/** Anthropic Messages: `event: <type>` events from `message_start` to `message_stop`, `ping`s between. */
export const anthropicReader: WireReader = {
  readEvent(data, _name, account) {
    const event = parseEvent(data);
    if (event === undefined) return unreadable;
    switch (event.type) {
      case 'message_start':
        readRawEvent('anthropic', account, event);
        return { hasModel: true };
      case 'content_block_start':
        return blockContent(event.content_block);
      case 'content_block_delta':
        return deltaContent(event.delta);
      case 'message_delta':
        readRawEvent('anthropic', account, event);
        return none;
      case 'message_stop':
        return { isEnd: true };
      case 'ping':
        return { isPing: true };
      case 'error':
        return { error: event };
      default:
        return none;
    }
  },
  readBody(body, account) {
    if (body.type === 'error') return { error: body };
    // A whole message reads as the stream's start and its last delta.
    readRawEvent('anthropic', account, { type: 'message_start', message: body });
    if (typeof body.stop_reason === 'string') account.finish = body.stop_reason;
    let content: WireContent = 'text';
    let text = '';
    for (const block of Array.isArray(body.content) ? (body.content as Json[]) : []) {
      const reading = blockContent(block);
      if (reading.content === 'tool-call' || reading.content === 'other') content = 'tool-call';
      if (reading.content !== 'other') text += reading.text ?? '';
    }
    return { content, text, hasModel: true };
  },
  isFinishedWithoutEnd: () => false,
};
