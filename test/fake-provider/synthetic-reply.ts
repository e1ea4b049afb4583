import type { WireFormat } from './wire-format';

/** A function call the reply makes, its arguments as JSON text (streamed in two pieces). */
export interface SyntheticToolCall {
  id: string;
  name: string;
  arguments: string;
}

export interface SyntheticReply {
  text: string;
  model?: string;
  usage?: { inputTokens: number; outputTokens: number };
  /** Text split into this many deltas at most. */
  deltas?: number;
  /** Calls after the text (which may be empty); the answer then finishes for its tool calls. */
  toolCalls?: SyntheticToolCall[];
}

/** Arguments in two pieces, as providers stream them. */
function halves(text: string): string[] {
  const middle = Math.ceil(text.length / 2);
  return [text.slice(0, middle), text.slice(middle)].filter((piece) => piece.length > 0);
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
      const calls = (reply.toolCalls ?? []).flatMap((call, index) => [
        chunk([
          {
            index: 0,
            delta: {
              tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }],
            },
            finish_reason: null,
          },
        ]),
        ...halves(call.arguments).map((piece) =>
          chunk([
            { index: 0, delta: { tool_calls: [{ index, function: { arguments: piece } }] }, finish_reason: null },
          ]),
        ),
      ]);
      return {
        head: [chunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }])],
        deltas: texts.map((content) => chunk([{ index: 0, delta: { content }, finish_reason: null }])),
        tail: [
          ...calls,
          chunk([{ index: 0, delta: {}, finish_reason: calls.length > 0 ? 'tool_calls' : 'stop' }]),
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
      const hasText = reply.text.length > 0 || !reply.toolCalls?.length;
      const functionCalls = (reply.toolCalls ?? []).map((call) => ({
        type: 'function_call',
        id: `fc_${call.id}`,
        call_id: call.id,
        name: call.name,
        arguments: call.arguments,
        status: 'completed',
      }));
      const output = [...(hasText ? [done] : []), ...functionCalls];
      const callEvents = functionCalls.flatMap((call) => {
        const output_index = output.indexOf(call);
        return [
          { type: 'response.output_item.added', output_index, item: { ...call, arguments: '', status: 'in_progress' } },
          ...halves(call.arguments).map((delta) => ({
            type: 'response.function_call_arguments.delta',
            item_id: call.id,
            output_index,
            delta,
          })),
          { type: 'response.function_call_arguments.done', item_id: call.id, output_index, arguments: call.arguments },
          { type: 'response.output_item.done', output_index, item: call },
        ];
      });
      return {
        head: [
          { type: 'response.created', sequence_number: 0, response: { ...response, status: 'in_progress' } },
          ...(hasText
            ? [
                { type: 'response.output_item.added', output_index: 0, item },
                {
                  type: 'response.content_part.added',
                  item_id: 'msg_fake',
                  output_index: 0,
                  content_index: 0,
                  part: { type: 'output_text', text: '', annotations: [] },
                },
              ]
            : []),
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
          ...(hasText ? [{ type: 'response.output_item.done', output_index: 0, item: done }] : []),
          ...callEvents,
          {
            type: 'response.completed',
            response: {
              ...response,
              status: 'completed',
              output,
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
    case 'anthropic': {
      const hasText = reply.text.length > 0 || !reply.toolCalls?.length;
      const textBlocks = hasText ? 1 : 0;
      const callEvents = (reply.toolCalls ?? []).flatMap((call, offset) => [
        {
          type: 'content_block_start',
          index: textBlocks + offset,
          content_block: { type: 'tool_use', id: call.id, name: call.name, input: {} },
        },
        ...halves(call.arguments).map((partial_json) => ({
          type: 'content_block_delta',
          index: textBlocks + offset,
          delta: { type: 'input_json_delta', partial_json },
        })),
        { type: 'content_block_stop', index: textBlocks + offset },
      ]);
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
          ...(hasText ? [{ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }] : []),
        ],
        deltas: texts.map((text) => ({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } })),
        tail: [
          ...(hasText ? [{ type: 'content_block_stop', index: 0 }] : []),
          ...callEvents,
          {
            type: 'message_delta',
            delta: { stop_reason: callEvents.length > 0 ? 'tool_use' : 'end_turn', stop_sequence: null },
            usage: { output_tokens: outputTokens },
          },
          { type: 'message_stop' },
        ],
      };
    }
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

/** A non-streaming reply, as each API answers one called without `stream`. */
export function syntheticJson(format: WireFormat, reply: SyntheticReply): unknown {
  const { inputTokens, outputTokens } = reply.usage ?? { inputTokens: 10, outputTokens: 5 };
  const model = reply.model ?? 'fake-model';
  const calls = reply.toolCalls ?? [];
  switch (format) {
    case 'openai-chat':
      return {
        id: 'chatcmpl-fake',
        object: 'chat.completion',
        created: 1_763_000_000,
        model,
        choices: [
          {
            index: 0,
            message: {
              role: 'assistant',
              content: calls.length > 0 && reply.text === '' ? null : reply.text,
              ...(calls.length > 0
                ? {
                    tool_calls: calls.map((call) => ({
                      id: call.id,
                      type: 'function',
                      function: { name: call.name, arguments: call.arguments },
                    })),
                  }
                : {}),
            },
            finish_reason: calls.length > 0 ? 'tool_calls' : 'stop',
          },
        ],
        usage: {
          prompt_tokens: inputTokens,
          completion_tokens: outputTokens,
          total_tokens: inputTokens + outputTokens,
        },
      };
    case 'anthropic':
      return {
        id: 'msg_fake',
        type: 'message',
        role: 'assistant',
        model,
        content: [
          ...(reply.text ? [{ type: 'text', text: reply.text }] : []),
          ...calls.map((call) => ({
            type: 'tool_use',
            id: call.id,
            name: call.name,
            input: JSON.parse(call.arguments),
          })),
        ],
        stop_reason: calls.length > 0 ? 'tool_use' : 'end_turn',
        stop_sequence: null,
        usage: { input_tokens: inputTokens, output_tokens: outputTokens },
      };
    case 'openai-responses': {
      const { tail } = syntheticEvents(format, reply);
      return (tail.at(-1) as { response: unknown }).response;
    }
    case 'google':
      throw new Error('the fake answers google only as a stream');
  }
}
