import type { LanguageModelV4Message, LanguageModelV4Prompt } from '@ai-sdk/provider';
import { apiName, refuseOtherKeys, type Block } from './block-fields';
import { decodeSignature } from './reasoning-signature';
import { mediaParts } from './translate-media';
import { toolResult } from './translate-tool-result';
import type { TranslationContext } from './translation-context';

type AssistantPart = Extract<LanguageModelV4Message, { role: 'assistant' }>['content'][number];
type Message = { role: string; content: string | Block[] };

const asBlocks = (content: string | Block[]): Block[] =>
  typeof content === 'string' ? [{ type: 'text', text: content }] : content;

/** System text, from the top-level `system` or a system turn: one system message per text block. */
function systemMessages(context: TranslationContext, system: string | Block[], path: string): LanguageModelV4Message[] {
  return asBlocks(system).map((block, index) => {
    const blockPath = typeof system === 'string' ? path : `${path}.${index}`;
    if (block.type !== 'text') context.refuse(blockPath, 'system content is text blocks only');
    refuseOtherKeys(context, block, blockPath, ['text']);
    return { role: 'system', content: String(block.text) };
  });
}

function assistantPart(
  context: TranslationContext,
  block: Block,
  path: string,
  toolNames: Map<string, string>,
): AssistantPart | undefined {
  switch (block.type) {
    case 'text':
      refuseOtherKeys(context, block, path, ['text']);
      return { type: 'text', text: String(block.text) };
    case 'thinking': {
      refuseOtherKeys(context, block, path, ['thinking', 'signature']);
      // OpenAI takes back only reasoning items it stored itself, which a thinking block cannot name: it
      // answers without them, as Anthropic does with the thinking of earlier turns (see README).
      if (context.family === 'openai') return undefined;
      const google = decodeSignature(String(block.signature))?.google;
      return { type: 'reasoning', text: String(block.thinking), ...(google ? { providerOptions: { google } } : {}) };
    }
    case 'tool_use': {
      refuseOtherKeys(context, block, path, ['id', 'name', 'input', 'caller']);
      const caller = block.caller as { type?: string } | null | undefined;
      if (caller && caller.type !== 'direct') {
        context.refuse(`${path}.caller`, `calls made from Anthropic's code execution exist only there`);
      }
      toolNames.set(String(block.id), String(block.name));
      return {
        type: 'tool-call',
        toolCallId: String(block.id),
        toolName: String(block.name),
        input: block.input ?? {},
      };
    }
    case 'redacted_thinking':
      return context.refuse(path, `redacted thinking is encrypted for Anthropic; ${apiName(context)} cannot read it`);
    default:
      return context.refuse(path, `${block.type} blocks have no counterpart in ${apiName(context)}`);
  }
}

/** A user turn: its tool results become tool messages, the rest user messages, in their order. */
function userMessages(
  context: TranslationContext,
  content: Block[],
  path: string,
  toolNames: Map<string, string>,
): LanguageModelV4Message[] {
  const result: LanguageModelV4Message[] = [];
  content.forEach((block, index) => {
    const blockPath = `${path}.${index}`;
    const last = result.at(-1);
    if (block.type === 'tool_result') {
      const part = toolResult(context, block, blockPath, toolNames);
      if (last?.role === 'tool') last.content.push(part);
      else result.push({ role: 'tool', content: [part] });
      return;
    }
    const parts = mediaParts(context, block, blockPath);
    if (last?.role === 'user') last.content.push(...parts);
    else result.push({ role: 'user', content: parts });
  });
  return result;
}

/** The neutral prompt of a Messages request: system text, then the turns in order. */
export function translatePrompt(context: TranslationContext, body: Record<string, unknown>): LanguageModelV4Prompt {
  const prompt: LanguageModelV4Prompt = [];
  if (body.system !== undefined) prompt.push(...systemMessages(context, body.system as string | Block[], 'system'));
  const toolNames = new Map<string, string>();
  const messages = body.messages as Message[];
  messages.forEach((message, index) => {
    const path = `messages.${index}`;
    refuseOtherKeys(context, message as unknown as Record<string, unknown>, path, ['role', 'content']);
    if (message.role === 'system') {
      if (context.family === 'google' && prompt.some((entry) => entry.role !== 'system')) {
        context.refuse(path, 'Gemini takes system text only before the conversation: move it to "system"');
      }
      prompt.push(...systemMessages(context, message.content, `${path}.content`));
    } else if (message.role === 'assistant') {
      if (index === messages.length - 1) {
        context.refuse(path, `a last assistant turn asks Claude to continue it; ${apiName(context)} would answer anew`);
      }
      const content = asBlocks(message.content)
        .map((block, blockIndex) => assistantPart(context, block, `${path}.content.${blockIndex}`, toolNames))
        .filter((part): part is AssistantPart => part !== undefined);
      prompt.push({ role: 'assistant', content });
    } else {
      prompt.push(...userMessages(context, asBlocks(message.content), `${path}.content`, toolNames));
    }
  });
  return prompt;
}
