import type { WireFormat } from './wire-format';

export interface SyntheticReply {
  text: string;
  model?: string;
  usage?: { inputTokens: number; outputTokens: number };
  /** Text split into this many deltas at most. */
  deltas?: number;
}

function pieces(text: string, count: number): string[] {
  const characters = [...text];
  const size = Math.max(1, Math.ceil(characters.length / count));
  const result: string[] = [];
  for (let index = 0; index < characters.length; index += size)
    result.push(characters.slice(index, index + size).join(''));
  return result;
}

/** A streamed reply in the provider's own event shapes: [head events, one per text delta, tail events]. */
export function syntheticEvents(
  format: WireFormat,
  reply: SyntheticReply,
): { head: unknown[]; deltas: unknown[]; tail: unknown[] } {
  const model = reply.model ?? 'fake-model';
  const { inputTokens, outputTokens } = reply.usage ?? { inputTokens: 10, outputTokens: 5 };
  const texts = pieces(reply.text, reply.deltas ?? 4);
  const created = 1_763_000_000;
  switch (format) {
    case 'openai-chat': {
      const chunk = (choices: unknown[], extra = {}) => ({
        id: 'chatcmpl-fake',
        object: 'chat.completion.chunk',
        created,
        model,
        choices,
        ...extra,
      });
      return {
        head: [chunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }])],
        deltas: texts.map((content) => chunk([{ index: 0, delta: { content }, finish_reason: null }])),
        tail: [
          chunk([{ index: 0, delta: {}, finish_reason: 'stop' }]),
          chunk([], {
            usage: {
              prompt_tokens: inputTokens,
              completion_tokens: outputTokens,
              total_tokens: inputTokens + outputTokens,
            },
          }),
        ],
      };
    }
    case 'openai-responses': {
      const response = { id: 'resp_fake', object: 'response', created_at: created, model, output: [] as unknown[] };
      const item = { type: 'message', id: 'msg_fake', role: 'assistant', status: 'in_progress', content: [] };
      const done = {
        ...item,
        status: 'completed',
        content: [{ type: 'output_text', text: reply.text, annotations: [] }],
      };
      return {
        head: [
          { type: 'response.created', sequence_number: 0, response: { ...response, status: 'in_progress' } },
          { type: 'response.output_item.added', output_index: 0, item },
          {
            type: 'response.content_part.added',
            item_id: 'msg_fake',
            output_index: 0,
            content_index: 0,
            part: { type: 'output_text', text: '', annotations: [] },
          },
        ],
        deltas: texts.map((delta) => ({
          type: 'response.output_text.delta',
          item_id: 'msg_fake',
          output_index: 0,
          content_index: 0,
          delta,
          logprobs: [],
        })),
        tail: [
          { type: 'response.output_item.done', output_index: 0, item: done },
          {
            type: 'response.completed',
            response: {
              ...response,
              status: 'completed',
              output: [done],
              incomplete_details: null,
              usage: {
                input_tokens: inputTokens,
                input_tokens_details: { cached_tokens: 0 },
                output_tokens: outputTokens,
                output_tokens_details: { reasoning_tokens: 0 },
                total_tokens: inputTokens + outputTokens,
              },
            },
          },
        ],
      };
    }
    case 'anthropic':
      return {
        head: [
          {
            type: 'message_start',
            message: {
              id: 'msg_fake',
              type: 'message',
              role: 'assistant',
              model,
              content: [],
              stop_reason: null,
              stop_sequence: null,
              usage: { input_tokens: inputTokens, output_tokens: 1 },
            },
          },
          { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
        ],
        deltas: texts.map((text) => ({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } })),
        tail: [
          { type: 'content_block_stop', index: 0 },
          {
            type: 'message_delta',
            delta: { stop_reason: 'end_turn', stop_sequence: null },
            usage: { output_tokens: outputTokens },
          },
          { type: 'message_stop' },
        ],
      };
    case 'google': {
      const usageMetadata = {
        promptTokenCount: inputTokens,
        candidatesTokenCount: outputTokens,
        totalTokenCount: inputTokens + outputTokens,
      };
      return {
        head: [],
        deltas: texts.map((text) => ({
          candidates: [{ content: { parts: [{ text }], role: 'model' }, index: 0 }],
          usageMetadata,
          modelVersion: model,
        })),
        tail: [
          {
            candidates: [{ content: { parts: [{ text: '' }], role: 'model' }, finishReason: 'STOP', index: 0 }],
            usageMetadata,
            modelVersion: model,
          },
        ],
      };
    }
  }
}

/** The error event a provider sends mid-stream, in its own shape. */
export function streamErrorEvent(format: WireFormat, message: string): unknown | undefined {
  if (format === 'openai-chat') return { error: { message, type: 'server_error', param: null, code: null } };
  if (format === 'anthropic') return { type: 'error', error: { type: 'overloaded_error', message } };
  if (format === 'openai-responses')
    return { type: 'error', code: 'server_error', message, param: null, sequence_number: 99 };
  return undefined; // Gemini has no error event: the stream just stops.
}

/** A non-streaming reply (only Chat Completions is needed: the gateway always streams). */
export function syntheticJson(format: WireFormat, reply: SyntheticReply): unknown {
  const { inputTokens, outputTokens } = reply.usage ?? { inputTokens: 10, outputTokens: 5 };
  if (format !== 'openai-chat') throw new Error(`the fake answers ${format} only as a stream`);
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 1_763_000_000,
    model: reply.model ?? 'fake-model',
    choices: [{ index: 0, message: { role: 'assistant', content: reply.text }, finish_reason: 'stop' }],
    usage: { prompt_tokens: inputTokens, completion_tokens: outputTokens, total_tokens: inputTokens + outputTokens },
  };
}
