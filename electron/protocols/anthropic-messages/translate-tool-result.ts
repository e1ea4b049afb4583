import type { LanguageModelV4ToolResultOutput, LanguageModelV4ToolResultPart } from '@ai-sdk/provider';
import { apiName, refuseOtherKeys, type Block } from './block-fields';
import { mediaParts, type MediaPart } from './translate-media';
import type { TranslationContext } from './translation-context';

function output(context: TranslationContext, block: Block, path: string): LanguageModelV4ToolResultOutput {
  const isError = block.is_error === true;
  const content = block.content;
  if (content === undefined || typeof content === 'string') {
    return { type: isError ? 'error-text' : 'text', value: content ?? '' };
  }
  const parts: MediaPart[] = (content as Block[]).flatMap((inner, index) =>
    mediaParts(context, inner, `${path}.content.${index}`),
  );
  if (parts.every((part) => part.type === 'text')) {
    // Text blocks read one after another; every target takes a tool result as text.
    return { type: isError ? 'error-text' : 'text', value: parts.map((part) => part.text).join('\n') };
  }
  if (context.family === 'chat') {
    context.refuse(`${path}.content`, 'Chat Completions takes tool results as text only; leave images out');
  }
  if (isError) {
    context.refuse(`${path}.is_error`, `${apiName(context)} cannot mark a tool result with images as an error`);
  }
  return {
    type: 'content',
    value: parts.map((part) =>
      part.type === 'text'
        ? { type: 'text' as const, text: part.text }
        : { type: 'file' as const, data: part.data, mediaType: part.mediaType },
    ),
  };
}

/** A `tool_result` block as the neutral tool result of the call it answers. */
export function toolResult(
  context: TranslationContext,
  block: Block,
  path: string,
  toolNames: ReadonlyMap<string, string>,
): LanguageModelV4ToolResultPart {
  refuseOtherKeys(context, block, path, ['tool_use_id', 'content', 'is_error']);
  const toolCallId = String(block.tool_use_id);
  const toolName = toolNames.get(toolCallId);
  if (toolName === undefined) {
    context.refuse(`${path}.tool_use_id`, 'no earlier tool_use block has this id');
  }
  return { type: 'tool-result', toolCallId, toolName, output: output(context, block, path) };
}
