import type { UsageRecord } from '../../shared/types/usage';
import type { CallRequest } from '../gateway/types';
import type { CallContent } from './call-attributes';

/** A finished call as the gateway hands it over: the request, and the answer's text when it was kept. */
export interface FinishedCall {
  request: CallRequest;
  text: string;
}

/**
 * The prompt and the answer in the GenAI conventions' message form, for `includeContent` only. A local API
 * call's input is its protocol's own messages (or Responses `input`), as the client sent them.
 */
export function callContent(call: FinishedCall, record: UsageRecord): CallContent {
  const { request, text } = call;
  const input = request.api
    ? JSON.stringify(request.api.body.messages ?? request.api.body.input ?? [])
    : JSON.stringify(
        request.messages.map((message) => ({
          role: message.role,
          parts: [{ type: 'text', content: message.content }],
        })),
      );
  const output = JSON.stringify([
    {
      role: 'assistant',
      parts: text.length > 0 ? [{ type: 'text', content: text }] : [],
      ...(record.finishReason ? { finish_reason: record.finishReason } : {}),
    },
  ]);
  return { input, output };
}
