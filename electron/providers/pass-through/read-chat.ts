import { readRawEvent } from '../raw-usage';
import {
  parseEvent,
  stringField,
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

const end: EventReading = { isEnd: true };
const named: EventReading = { hasModel: true };
/** Keys whose chunk says more than one answer-text delta: read whole. One scan, not one per key. */
const keysReadWhole =
  /"(?:usage|error|tool_calls|function_call|reasoning[^"]*|refusal|audio|images)"|"logprobs" ?: ?[{[]/;

/**
 * Most of a stream: a chunk with one choice whose delta adds answer text, and nothing to count, finish or fail.
 * Read as text, without parsing: undefined when the chunk is anything else (then it is parsed whole). Keys are
 * matched with their quotes, which a JSON string cannot hold unescaped, so text in the answer never matches.
 */
export function textDelta(data: string): EventReading | undefined {
  if (data.charCodeAt(0) !== 123 || data.charCodeAt(data.length - 1) !== 125) return undefined; // '{' … '}'
  if (keysReadWhole.test(data)) return undefined;
  const delta = data.indexOf('"delta"');
  if (delta === -1 || data.indexOf('"delta"', delta + 7) !== -1) return undefined;
  const finish = data.indexOf('"finish_reason"');
  if (finish !== -1 && !data.startsWith('null', finish + 16) && !data.startsWith(' null', finish + 16))
    return undefined;
  const text = stringField(data, '"content"', delta);
  // A content that is not a string (null, parts) is read whole.
  if (text === undefined) return data.includes('"content"', delta) ? undefined : named;
  return text.length === 0 ? named : { content: 'text', text, hasModel: true };
}

/** Chat Completions (OpenAI-compatible servers, OpenRouter, Vercel): `data: <chunk>` events, then `[DONE]`. */
export const chatReader: WireReader = {
  readEvent(data, _name, account, isUsageAdded) {
    if (data === '[DONE]') return end;
    // Once the model is known (the first chunk), a plain text delta needs no parse.
    const quick = account.model === undefined ? undefined : textDelta(data);
    if (quick !== undefined) return quick;
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
