import type { SharedV4ProviderMetadata } from '@ai-sdk/provider';
import type { NeutralPart, ResponseMeta } from '../types';
import { toAnthropicUsage, toStopReason } from './answer-end';
import { encodeSignature } from './reasoning-signature';

type ContentBlock =
  | { type: 'text'; text: string }
  | { type: 'thinking'; thinking: string; signature: string; metadata?: SharedV4ProviderMetadata }
  | { type: 'tool_use'; id: string; name: string; input: unknown; json: string };

function parseInput(json: string): unknown {
  try {
    return JSON.parse(json || '{}');
  } catch {
    return json;
  }
}

/** A whole translated answer as Anthropic's `message` object. */
export function toMessagesResponseBody(meta: ResponseMeta, parts: NeutralPart[], body: Record<string, unknown>) {
  const isThinkingShown = (body.thinking as { display?: string } | undefined)?.display !== 'omitted';
  const blocks = new Map<string, ContentBlock>();
  const block = <T extends ContentBlock>(key: string, create: () => T): T => {
    if (!blocks.has(key)) blocks.set(key, create());
    return blocks.get(key) as T;
  };
  let finish: Extract<NeutralPart, { type: 'finish' }> | undefined;
  for (const part of parts) {
    switch (part.type) {
      case 'text-delta':
        block(`text:${part.id}`, () => ({ type: 'text' as const, text: '' })).text += part.delta;
        break;
      case 'reasoning-start':
      case 'reasoning-delta':
      case 'reasoning-end': {
        const create = (): ContentBlock & { type: 'thinking' } => ({ type: 'thinking', thinking: '', signature: '' });
        const thinking = block(`thinking:${part.id}`, create);
        if (part.type === 'reasoning-delta' && isThinkingShown) thinking.thinking += part.delta;
        if (part.providerMetadata) thinking.metadata = { ...thinking.metadata, ...part.providerMetadata };
        break;
      }
      case 'tool-input-start':
        block(`tool:${part.id}`, () => ({
          type: 'tool_use' as const,
          id: part.id,
          name: part.toolName,
          input: {},
          json: '',
        }));
        break;
      case 'tool-input-delta': {
        const tool = blocks.get(`tool:${part.id}`);
        if (tool?.type === 'tool_use') tool.json += part.delta;
        break;
      }
      case 'tool-call': {
        const create = () => ({
          type: 'tool_use' as const,
          id: part.toolCallId,
          name: part.toolName,
          input: {},
          json: '',
        });
        block(`tool:${part.toolCallId}`, create).json = part.input;
        break;
      }
      case 'finish':
        finish = part;
        break;
    }
  }
  const content = [...blocks.values()]
    .filter((entry) => entry.type !== 'text' || entry.text !== '')
    .map((entry) => {
      if (entry.type === 'tool_use')
        return { type: 'tool_use', id: entry.id, name: entry.name, input: parseInput(entry.json) };
      if (entry.type === 'thinking')
        return { type: 'thinking', thinking: entry.thinking, signature: encodeSignature(entry.metadata) };
      return entry;
    });
  return {
    id: meta.id,
    type: 'message',
    role: 'assistant',
    model: meta.model,
    content,
    stop_reason: toStopReason(
      finish?.finishReason,
      content.some((entry) => entry.type === 'tool_use'),
    ),
    stop_sequence: null,
    usage: toAnthropicUsage(finish?.usage),
  };
}
