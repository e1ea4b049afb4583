import type { NeutralPart, ResponseMeta, StreamEncoder } from '../types';
import { toAnthropicUsage, toStopReason } from './answer-end';
import { ContentBlocks } from './content-blocks';
import { errorEvent } from './error-response';
import { sseEvent } from './sse-event';

const textStart = { kind: 'text' as const, start: { type: 'text', text: '' } };
const thinkingStart = { kind: 'thinking' as const, start: { type: 'thinking', thinking: '', signature: '' } };
const toolStart = (id: string, name: string) => ({
  kind: 'tool_use' as const,
  start: { type: 'tool_use', id, name, input: {} },
});

/** The message shell `message_start` carries; translated usage is only known at the end (message_delta). */
export function messageShell(meta: ResponseMeta) {
  return {
    id: meta.id,
    type: 'message',
    role: 'assistant',
    model: meta.model,
    content: [],
    stop_reason: null,
    stop_sequence: null,
    usage: { input_tokens: 0, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: 0 },
  };
}

/**
 * Writes a translated answer as Anthropic's event sequence: message_start, each content block's
 * start/delta/stop, message_delta (stop reason and usage), message_stop.
 */
export function createMessagesStreamEncoder(meta: ResponseMeta, body: Record<string, unknown>): StreamEncoder {
  const blocks = new ContentBlocks();
  // "display": "omitted" asks for thinking blocks without their text.
  const isThinkingShown = (body.thinking as { display?: string } | undefined)?.display !== 'omitted';
  const toolInputs = new Map<string, { name: string; hasInput: boolean }>();
  let hasToolUse = false;
  let isStarted = false;
  let isDone = false;

  const start = () => {
    if (isStarted) return '';
    isStarted = true;
    return sseEvent({ type: 'message_start', message: messageShell(meta) });
  };

  function content(part: NeutralPart): string {
    switch (part.type) {
      case 'text-start':
        return blocks.open(`text:${part.id}`, textStart.kind, textStart.start);
      case 'text-delta':
        return part.delta ? blocks.delta(`text:${part.id}`, { type: 'text_delta', text: part.delta }, textStart) : '';
      case 'text-end':
        return blocks.end(`text:${part.id}`);
      case 'reasoning-start': {
        const text = blocks.open(`thinking:${part.id}`, thinkingStart.kind, thinkingStart.start);
        blocks.addMetadata(`thinking:${part.id}`, part.providerMetadata);
        return text;
      }
      case 'reasoning-delta': {
        const key = `thinking:${part.id}`;
        const text =
          isThinkingShown && part.delta
            ? blocks.delta(key, { type: 'thinking_delta', thinking: part.delta }, thinkingStart)
            : blocks.open(key, thinkingStart.kind, thinkingStart.start);
        blocks.addMetadata(key, part.providerMetadata);
        return text;
      }
      case 'reasoning-end':
        blocks.addMetadata(`thinking:${part.id}`, part.providerMetadata);
        return blocks.end(`thinking:${part.id}`);
      case 'tool-input-start':
        hasToolUse = true;
        toolInputs.set(part.id, { name: part.toolName, hasInput: false });
        return blocks.open(`tool:${part.id}`, 'tool_use', toolStart(part.id, part.toolName).start);
      case 'tool-input-delta': {
        const input = toolInputs.get(part.id);
        if (!input || !part.delta) return '';
        input.hasInput = true;
        const delta = { type: 'input_json_delta', partial_json: part.delta };
        return blocks.delta(`tool:${part.id}`, delta, toolStart(part.id, input.name));
      }
      case 'tool-input-end':
        // The block closes with the tool-call part, which carries the whole input.
        return '';
      case 'tool-call': {
        hasToolUse = true;
        const key = `tool:${part.toolCallId}`;
        const streamed = toolInputs.get(part.toolCallId);
        let text = streamed ? '' : blocks.open(key, 'tool_use', toolStart(part.toolCallId, part.toolName).start);
        // An empty input needs no delta: the block starts with `input: {}` (Anthropic sends none either).
        if (!streamed?.hasInput && part.input !== '' && part.input !== '{}') {
          const delta = { type: 'input_json_delta', partial_json: part.input };
          text += blocks.delta(key, delta, toolStart(part.toolCallId, part.toolName));
        }
        return text + blocks.end(key);
      }
      case 'finish': {
        isDone = true;
        const usage = toAnthropicUsage(part.usage);
        return (
          blocks.finish() +
          sseEvent({
            type: 'message_delta',
            delta: { stop_reason: toStopReason(part.finishReason, hasToolUse), stop_sequence: null },
            usage,
          }) +
          sseEvent({ type: 'message_stop' })
        );
      }
      case 'ping':
        return sseEvent({ type: 'ping' });
      default:
        // Stream bookkeeping, raw chunks, and outputs Messages cannot carry (files, sources).
        return '';
    }
  }

  return {
    write(part) {
      if (isDone) return '';
      if (part.type === 'error') return this.fail('PROVIDER_STREAM_ERROR', describe(part.error));
      const text = content(part);
      return text ? start() + text : '';
    },
    fail(code, message) {
      isDone = true;
      return errorEvent(code, message);
    },
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : typeof error === 'string' ? error : 'The provider failed mid-answer.';
}
