import type { NeutralPart, ResponseMeta, StreamEncoder } from '../types';
import { toOpenAIError } from './error-response';
import { toChatFinishReason, toChatUsage } from './usage-and-finish';

const event = (data: unknown) => `data: ${JSON.stringify(data)}\n\n`;

/** A request with the older `functions` (and no `tools`) is answered with `function_call`, as OpenAI does. */
export const isLegacyFunctions = (body: Record<string, unknown>) => body.functions != null && body.tools == null;

export const severalFunctionsMessage =
  'The model called several functions at once: send "tools" instead of "functions" to receive them all.';

/** A streamed tool call: where it sits among the answer's calls and the arguments sent so far. */
interface StreamedCall {
  index: number;
  arguments: string;
}

/**
 * `chat.completion.chunk` events: a first chunk with the role, content and reasoning deltas (reasoning as
 * `reasoning_content`, which DeepSeek, vLLM and LiteLLM send and the AI SDK, Open WebUI and LibreChat read),
 * tool calls as indexed `tool_calls` deltas, the finish chunk, the usage chunk when asked, then `[DONE]`.
 */
export function createChatStreamEncoder(meta: ResponseMeta, body: Record<string, unknown>): StreamEncoder {
  const isLegacy = isLegacyFunctions(body);
  const includeUsage = (body.stream_options as { include_usage?: boolean } | null | undefined)?.include_usage === true;
  const calls = new Map<string, StreamedCall>();
  const providerCalls = new Set<string>();
  let hasStarted = false;
  let isClosed = false;

  const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) =>
    event({
      id: meta.id,
      object: 'chat.completion.chunk',
      created: meta.created,
      model: meta.model,
      choices,
      ...extra,
    });
  const delta = (fields: Record<string, unknown>) =>
    chunk([{ index: 0, delta: fields, logprobs: null, finish_reason: null }]);
  const start = () => {
    if (hasStarted) return '';
    hasStarted = true;
    return delta({ role: 'assistant', content: '', refusal: null });
  };
  const fail = (code: string, message: string) => {
    if (isClosed) return '';
    isClosed = true;
    return event(toOpenAIError(code, message).body);
  };

  const callDelta = (call: StreamedCall, id: string | undefined, name: string | undefined, args: string) => {
    if (isLegacy) return delta({ function_call: { ...(name !== undefined ? { name } : {}), arguments: args } });
    const fn = { ...(name !== undefined ? { name } : {}), arguments: args };
    return delta({ tool_calls: [{ index: call.index, ...(id ? { id, type: 'function' } : {}), function: fn }] });
  };
  const openCall = (id: string, name: string, args: string) => {
    if (isLegacy && calls.size === 1) {
      return fail('PROVIDER_STREAM_ERROR', severalFunctionsMessage);
    }
    const call = { index: calls.size, arguments: args };
    calls.set(id, call);
    return start() + callDelta(call, id, name, args);
  };

  const write = (part: NeutralPart): string => {
    switch (part.type) {
      case 'text-start':
      case 'reasoning-start':
        return start();
      case 'text-delta':
        return part.delta === '' ? start() : start() + delta({ content: part.delta });
      case 'reasoning-delta':
        return part.delta === '' ? start() : start() + delta({ reasoning_content: part.delta });
      case 'tool-input-start':
        if (part.providerExecuted) {
          providerCalls.add(part.id);
          return '';
        }
        return openCall(part.id, part.toolName, '');
      case 'tool-input-delta': {
        const call = calls.get(part.id);
        if (!call || part.delta === '') return '';
        call.arguments += part.delta;
        return callDelta(call, undefined, undefined, part.delta);
      }
      case 'tool-call': {
        if (part.providerExecuted || providerCalls.has(part.toolCallId)) return '';
        const call = calls.get(part.toolCallId);
        if (!call) return openCall(part.toolCallId, part.toolName, part.input);
        // Streamed arguments that stopped short of the final input (a call without arguments streams none).
        if (!part.input.startsWith(call.arguments) || part.input === call.arguments) return '';
        const rest = part.input.slice(call.arguments.length);
        call.arguments = part.input;
        return callDelta(call, undefined, undefined, rest);
      }
      case 'finish': {
        const reason = toChatFinishReason(part.finishReason, {
          hasToolCalls: calls.size > 0,
          isLegacyFunctions: isLegacy,
        });
        const usage = toChatUsage(part.usage);
        const ending = chunk([{ index: 0, delta: {}, logprobs: null, finish_reason: reason }]);
        isClosed = true;
        return start() + ending + (includeUsage && usage ? chunk([], { usage }) : '') + 'data: [DONE]\n\n';
      }
      case 'error':
        return fail('PROVIDER_STREAM_ERROR', part.error instanceof Error ? part.error.message : String(part.error));
      default:
        return '';
    }
  };

  return {
    write: (part) => (isClosed ? '' : write(part)),
    fail,
  };
}
