// Minimal stand-ins for the three protocol codecs, for the local API's own tests until the real ones land:
// text and function tools only, enough for the official SDKs to read what they write.
import type { LanguageModelV4Prompt, LanguageModelV4StreamPart } from '@ai-sdk/provider';
import type { CodecRegistry } from '../../electron/protocols';
import {
  UnsupportedFieldError,
  type NeutralPart,
  type ProtocolCodec,
  type ResponseMeta,
  type TranslatedCall,
} from '../../electron/protocols/types';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const statuses: Record<string, number> = {
  INVALID_INPUT: 400,
  UNSUPPORTED_FIELD: 400,
  PROVIDER_BAD_REQUEST: 400,
  PROVIDER_AUTH: 401,
  KEY_MISSING: 401,
  UNKNOWN_MODEL: 404,
  UNKNOWN_ENDPOINT: 404,
  PROVIDER_NOT_FOUND: 404,
  PROVIDER_RATE_LIMITED: 429,
  INTERNAL: 500,
};

function read(body: unknown, required: string) {
  const value = body as Json;
  if (!value || typeof value !== 'object' || typeof value.model !== 'string' || value[required] === undefined) {
    return { ok: false as const, message: `"model" and "${required}" are required`, param: required };
  }
  return { ok: true as const, body: value, modelId: value.model as string, isStream: value.stream === true };
}

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  return Array.isArray(content) ? content.map((part: Json) => part.text ?? '').join('') : '';
}

function prompt(system: unknown, messages: Json[]): LanguageModelV4Prompt {
  return [
    ...(system ? [{ role: 'system' as const, content: textOf(system) }] : []),
    ...messages.map((message) =>
      message.role === 'system' || message.role === 'developer'
        ? { role: 'system' as const, content: textOf(message.content) }
        : {
            role: message.role === 'assistant' ? ('assistant' as const) : ('user' as const),
            content: [{ type: 'text' as const, text: textOf(message.content) }],
          },
    ),
  ];
}

/** Neutral call from any of the three bodies; `refuse` names a field with no translation. */
function translate(body: Json, target: { target: string }, refuse: string): TranslatedCall {
  if (body[refuse] !== undefined)
    throw new UnsupportedFieldError(refuse, target.target, 'the stand-in has no translation');
  const messages = Array.isArray(body.messages)
    ? body.messages
    : [{ role: 'user', content: typeof body.input === 'string' ? body.input : '' }];
  const tools = (body.tools ?? []).map((tool: Json) => ({
    type: 'function' as const,
    name: tool.function?.name ?? tool.name,
    description: tool.function?.description ?? tool.description,
    inputSchema: tool.function?.parameters ?? tool.input_schema ?? tool.parameters ?? { type: 'object' },
  }));
  return {
    prompt: prompt(body.system ?? body.instructions, messages),
    maxOutputTokens: body.max_tokens ?? body.max_completion_tokens ?? body.max_output_tokens,
    temperature: body.temperature,
    ...(tools.length > 0 ? { tools } : {}),
  };
}

interface Answer {
  text: string;
  calls: { id: string; name: string; input: string }[];
  finish?: Extract<NeutralPart, { type: 'finish' }>;
}

function collect(parts: NeutralPart[]): Answer {
  const answer: Answer = { text: '', calls: [] };
  for (const part of parts) {
    if (part.type === 'text-delta') answer.text += part.delta;
    if (part.type === 'tool-call') answer.calls.push({ id: part.toolCallId, name: part.toolName, input: part.input });
    if (part.type === 'finish') answer.finish = part;
  }
  return answer;
}

const tokens = (finish: Answer['finish']) => ({
  input: finish?.usage.inputTokens.total ?? 0,
  output: finish?.usage.outputTokens.total ?? 0,
});

function openAIError(code: string, message: string, options: { retryAfterSeconds?: number; param?: string } = {}) {
  const status = statuses[code] ?? 502;
  return {
    status,
    body: {
      error: {
        message,
        type: 'invalid_request_error',
        param: options.param ?? null,
        code: code.startsWith('UNKNOWN_') ? 'model_not_found' : code.toLowerCase(),
      },
    },
    ...(status === 429 ? { headers: { 'retry-after': String(options.retryAfterSeconds ?? 1) } } : {}),
  };
}

const sse = (data: unknown, name?: string) => `${name ? `event: ${name}\n` : ''}data: ${JSON.stringify(data)}\n\n`;

const chat: ProtocolCodec = {
  protocol: 'openai-chat',
  readRequest: (body) => read(body, 'messages'),
  translate: (body, target) => translate(body, target, 'logit_bias'),
  createStreamEncoder(meta: ResponseMeta, body) {
    const chunk = (delta: Json, finish: string | null = null, extra: Json = {}) =>
      sse({
        id: meta.id,
        object: 'chat.completion.chunk',
        created: meta.created,
        model: meta.model,
        choices: [{ index: 0, delta, finish_reason: finish }],
        ...extra,
      });
    const calls: string[] = [];
    return {
      write(part: LanguageModelV4StreamPart) {
        switch (part.type) {
          case 'text-start':
            return chunk({ role: 'assistant', content: '' });
          case 'text-delta':
            return chunk({ content: part.delta });
          case 'tool-input-start':
            calls.push(part.id);
            return chunk({
              tool_calls: [
                {
                  index: calls.length - 1,
                  id: part.id,
                  type: 'function',
                  function: { name: part.toolName, arguments: '' },
                },
              ],
            });
          case 'tool-input-delta':
            return chunk({ tool_calls: [{ index: calls.indexOf(part.id), function: { arguments: part.delta } }] });
          case 'finish': {
            const { input, output } = tokens(part);
            const usage = { prompt_tokens: input, completion_tokens: output, total_tokens: input + output };
            const reason = part.finishReason.unified === 'tool-calls' ? 'tool_calls' : 'stop';
            const last = chunk({}, reason);
            const usageChunk = (body.stream_options as Json)?.include_usage
              ? sse({
                  id: meta.id,
                  object: 'chat.completion.chunk',
                  created: meta.created,
                  model: meta.model,
                  choices: [],
                  usage,
                })
              : '';
            return `${last}${usageChunk}data: [DONE]\n\n`;
          }
          default:
            return '';
        }
      },
      fail: (code, message) => sse(openAIError(code, message).body),
    };
  },
  toResponseBody(meta, parts) {
    const { text, calls, finish } = collect(parts);
    const { input, output } = tokens(finish);
    return {
      id: meta.id,
      object: 'chat.completion',
      created: meta.created,
      model: meta.model,
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: calls.length > 0 && !text ? null : text,
            refusal: null,
            ...(calls.length > 0
              ? {
                  tool_calls: calls.map((call) => ({
                    id: call.id,
                    type: 'function',
                    function: { name: call.name, arguments: call.input },
                  })),
                }
              : {}),
          },
          logprobs: null,
          finish_reason: calls.length > 0 ? 'tool_calls' : 'stop',
        },
      ],
      usage: { prompt_tokens: input, completion_tokens: output, total_tokens: input + output },
    };
  },
  toErrorResponse: openAIError,
};

const anthropic: ProtocolCodec = {
  protocol: 'anthropic',
  readRequest: (body) => read(body, 'messages'),
  translate: (body, target) => translate(body, target, 'mcp_servers'),
  createStreamEncoder(meta) {
    let index = -1;
    let isStarted = false;
    const start = () => {
      if (isStarted) return '';
      isStarted = true;
      const message = {
        id: meta.id,
        type: 'message',
        role: 'assistant',
        model: meta.model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: 0, output_tokens: 0 },
      };
      return sse({ type: 'message_start', message }, 'message_start');
    };
    return {
      write(part) {
        switch (part.type) {
          case 'text-start':
            index += 1;
            return (
              start() +
              sse(
                { type: 'content_block_start', index, content_block: { type: 'text', text: '' } },
                'content_block_start',
              )
            );
          case 'text-delta':
            return sse(
              { type: 'content_block_delta', index, delta: { type: 'text_delta', text: part.delta } },
              'content_block_delta',
            );
          case 'tool-input-start':
            index += 1;
            return (
              start() +
              sse(
                {
                  type: 'content_block_start',
                  index,
                  content_block: { type: 'tool_use', id: part.id, name: part.toolName, input: {} },
                },
                'content_block_start',
              )
            );
          case 'tool-input-delta':
            return sse(
              { type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: part.delta } },
              'content_block_delta',
            );
          case 'text-end':
          case 'tool-input-end':
            return sse({ type: 'content_block_stop', index }, 'content_block_stop');
          case 'finish': {
            const { input, output } = tokens(part);
            const reason = part.finishReason.unified === 'tool-calls' ? 'tool_use' : 'end_turn';
            return (
              start() +
              sse(
                {
                  type: 'message_delta',
                  delta: { stop_reason: reason, stop_sequence: null },
                  usage: { input_tokens: input, output_tokens: output },
                },
                'message_delta',
              ) +
              sse({ type: 'message_stop' }, 'message_stop')
            );
          }
          default:
            return '';
        }
      },
      fail: (_code, message) => sse({ type: 'error', error: { type: 'api_error', message } }, 'error'),
    };
  },
  toResponseBody(meta, parts) {
    const { text, calls, finish } = collect(parts);
    const { input, output } = tokens(finish);
    return {
      id: meta.id,
      type: 'message',
      role: 'assistant',
      model: meta.model,
      content: [
        ...(text ? [{ type: 'text', text }] : []),
        ...calls.map((call) => ({ type: 'tool_use', id: call.id, name: call.name, input: JSON.parse(call.input) })),
      ],
      stop_reason: calls.length > 0 ? 'tool_use' : 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: input, output_tokens: output },
    };
  },
  toErrorResponse(code, message, options = {}) {
    const status = statuses[code] ?? 502;
    const type =
      status === 401
        ? 'authentication_error'
        : status === 429
          ? 'rate_limit_error'
          : status === 404
            ? 'not_found_error'
            : status >= 500
              ? 'api_error'
              : 'invalid_request_error';
    return {
      status,
      body: { type: 'error', error: { type, message } },
      ...(status === 429 ? { headers: { 'retry-after': String(options.retryAfterSeconds ?? 1) } } : {}),
    };
  },
  countTokens: (body) => Math.ceil(JSON.stringify(body.messages ?? []).length / 4),
};

const responses: ProtocolCodec = {
  protocol: 'openai-responses',
  readRequest: (body) => read(body, 'input'),
  translate: (body, target) => translate(body, target, 'background'),
  createStreamEncoder(meta) {
    let sequence = 0;
    let text = '';
    const response = (status: string, extra: Json = {}) => ({
      id: meta.id,
      object: 'response',
      created_at: meta.created,
      status,
      model: meta.model,
      output: [],
      ...extra,
    });
    const event = (data: Json) => sse({ ...data, sequence_number: sequence++ }, data.type);
    return {
      write(part) {
        switch (part.type) {
          case 'text-start':
            return event({ type: 'response.created', response: response('in_progress') });
          case 'text-delta':
            text += part.delta;
            return event({
              type: 'response.output_text.delta',
              item_id: 'msg_0',
              output_index: 0,
              content_index: 0,
              delta: part.delta,
              logprobs: [],
            });
          case 'finish': {
            const { input, output } = tokens(part);
            const item = {
              type: 'message',
              id: 'msg_0',
              role: 'assistant',
              status: 'completed',
              content: [{ type: 'output_text', text, annotations: [] }],
            };
            return event({
              type: 'response.completed',
              response: response('completed', {
                output: [item],
                usage: { input_tokens: input, output_tokens: output, total_tokens: input + output },
              }),
            });
          }
          default:
            return '';
        }
      },
      fail: (code, message) =>
        event({ type: 'response.failed', response: response('failed', { error: { code, message } }) }),
    };
  },
  toResponseBody(meta, parts) {
    const { text, finish } = collect(parts);
    const { input, output } = tokens(finish);
    return {
      id: meta.id,
      object: 'response',
      created_at: meta.created,
      status: 'completed',
      model: meta.model,
      output: [
        {
          type: 'message',
          id: 'msg_0',
          role: 'assistant',
          status: 'completed',
          content: [{ type: 'output_text', text, annotations: [] }],
        },
      ],
      usage: { input_tokens: input, output_tokens: output, total_tokens: input + output },
    };
  },
  toErrorResponse: openAIError,
};

export const stubCodecs: CodecRegistry = { 'openai-chat': chat, anthropic, 'openai-responses': responses };
