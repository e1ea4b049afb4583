import type { LanguageModelV4FinishReason, LanguageModelV4Usage } from '@ai-sdk/provider';
import type { NeutralPart, ResponseMeta } from '../types';
import { SwitchboardError } from '../../../shared/errors/codes';
import { isLegacyFunctions, severalFunctionsMessage } from './stream-encoder';
import { toChatFinishReason, toChatUsage } from './usage-and-finish';

/**
 * A whole `chat.completion`: the answer's text (null when it only calls tools), `refusal: null`, the client's tool
 * calls (or `function_call` for the older `functions`), `logprobs: null`, and `usage` unless nothing was counted.
 */
export function toChatResponseBody(meta: ResponseMeta, parts: NeutralPart[], body: Record<string, unknown>) {
  let text = '';
  let reasoning = '';
  const toolCalls: { id: string; type: 'function'; function: { name: string; arguments: string } }[] = [];
  let finishReason: LanguageModelV4FinishReason = { unified: 'stop', raw: undefined };
  let usage: LanguageModelV4Usage | undefined;
  for (const part of parts) {
    if (part.type === 'text-delta') text += part.delta;
    if (part.type === 'reasoning-delta') reasoning += part.delta;
    if (part.type === 'tool-call' && !part.providerExecuted) {
      toolCalls.push({
        id: part.toolCallId,
        type: 'function',
        function: { name: part.toolName, arguments: part.input },
      });
    }
    if (part.type === 'finish') {
      finishReason = part.finishReason;
      usage = part.usage;
    }
  }
  const isLegacy = isLegacyFunctions(body);
  if (isLegacy && toolCalls.length > 1) {
    throw new SwitchboardError('PROVIDER_STREAM_ERROR', severalFunctionsMessage);
  }
  const calls = toolCalls;
  const message = {
    role: 'assistant' as const,
    content: text === '' && calls.length > 0 ? null : text,
    refusal: null,
    ...(reasoning !== '' ? { reasoning_content: reasoning } : {}),
    ...(calls.length > 0 ? (isLegacy ? { function_call: calls[0]!.function } : { tool_calls: calls }) : {}),
  };
  const finish = toChatFinishReason(finishReason, { hasToolCalls: calls.length > 0, isLegacyFunctions: isLegacy });
  const chatUsage = toChatUsage(usage);
  return {
    id: meta.id,
    object: 'chat.completion' as const,
    created: meta.created,
    model: meta.model,
    choices: [{ index: 0, message, logprobs: null, finish_reason: finish }],
    ...(chatUsage ? { usage: chatUsage } : {}),
  };
}
