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

/** Content and text of Chat Completions choices: `delta` when streamed, `message` in a whole body. */
function readChoices(choices: Json[], key: 'delta' | 'message'): EventReading {
  let content: WireContent | undefined;
  let text = '';
  for (const choice of choices) {
    const message = choice?.[key] as Json | undefined;
    if (!message) continue;
    const answer = textOf(message.content) ?? textOf(message.refusal);
    if (answer !== undefined) {
      content = content === 'tool-call' ? content : 'text';
      text += answer;
    }
    // DeepSeek and xAI say `reasoning_content`; OpenRouter and Groq say `reasoning`.
    const reasoning = textOf(message.reasoning_content) ?? textOf(message.reasoning);
    if (reasoning !== undefined) {
      content ??= 'reasoning';
      text += reasoning;
    }
    if (Array.isArray(message.tool_calls) && message.tool_calls.length > 0) {
      content = 'tool-call';
      for (const call of message.tool_calls as Json[]) text += textOf(call?.function?.arguments) ?? '';
    }
    if (content === undefined && (message.audio || message.images)) content = 'other';
  }
  return content === undefined ? { hasModel: true } : { content, text, hasModel: true };
}

/** Chat Completions (OpenAI-compatible servers, OpenRouter, Vercel): `data: <chunk>` events, then `[DONE]`. */
export const chatReader: WireReader = {
  readEvent(data, _name, account, isUsageAdded) {
    if (data === '[DONE]') return { isEnd: true };
    const chunk = parseEvent(data);
    if (chunk === undefined) return unreadable;
    if (chunk.error) return { error: chunk };
    readRawEvent('openai-chat', account, chunk);
    const choices = chunk.choices;
    if (!Array.isArray(choices)) return { hasModel: true };
    // The usage chunk only Switchboard asked for: the client sees the stream it asked for.
    if (choices.length === 0) return chunk.usage && isUsageAdded ? { isSkipped: true } : { hasModel: true };
    return readChoices(choices, 'delta');
  },
  readBody(body, account) {
    if (body.error && !Array.isArray(body.choices)) return { error: body };
    readRawEvent('openai-chat', account, body);
    const reading = readChoices(Array.isArray(body.choices) ? body.choices : [], 'message');
    return { ...reading, content: reading.content ?? 'text' };
  },
  // Some servers end with the last chunk and no `[DONE]`: a finish reason says the answer is whole.
  isFinishedWithoutEnd: (account) => account.finish !== undefined,
};
