import type {
  LanguageModelV4Message,
  LanguageModelV4Prompt,
  LanguageModelV4ToolResultOutput,
  LanguageModelV4ToolResultPart,
  SharedV4ProviderMetadata,
} from '@ai-sdk/provider';
import { answeredItems, type ItemMemory } from './item-memory';
import { isSealedReasoning, openReasoning } from './reasoning-envelope';
import { assistantPartText, systemPartText, translateUserPart } from './translate-content';
import { familyNames, refuseUnknownKeys, type TranslationScope } from './target-family';

type Item = Record<string, unknown> & { type?: string };
type ContentPart = Record<string, unknown> & { type: string };
type AssistantMessage = Extract<LanguageModelV4Message, { role: 'assistant' }>;
type ToolMessage = Extract<LanguageModelV4Message, { role: 'tool' }>;

/** Item bookkeeping that says nothing to the model: ids and statuses of earlier output. */
const bookkeeping = ['type', 'id', 'status'];

class PromptBuilder {
  readonly prompt: LanguageModelV4Prompt = [];
  /** Tool names by call id, for the results that answer them. */
  private readonly callNames = new Map<string, string>();

  constructor(
    private readonly scope: TranslationScope,
    private readonly memory: ItemMemory,
  ) {}

  private lastAssistant(): AssistantMessage {
    const last = this.prompt.at(-1);
    if (last?.role === 'assistant') return last;
    const message: AssistantMessage = { role: 'assistant', content: [] };
    this.prompt.push(message);
    return message;
  }

  private lastTool(): ToolMessage {
    const last = this.prompt.at(-1);
    if (last?.role === 'tool') return last;
    const message: ToolMessage = { role: 'tool', content: [] };
    this.prompt.push(message);
    return message;
  }

  system(text: string, path: string) {
    // Anthropic and Gemini take system instructions only before the conversation.
    const hasStarted = this.prompt.some((message) => message.role !== 'system');
    if (hasStarted && (this.scope.family === 'anthropic' || this.scope.family === 'google')) {
      this.scope.refuse(
        path,
        `${familyNames[this.scope.family]} takes system and developer messages only before the conversation starts`,
      );
    }
    this.prompt.push({ role: 'system', content: text });
  }

  message(item: Item, path: string) {
    // `phase` labels an earlier answer as commentary or final for OpenAI's models; the text itself goes on.
    refuseUnknownKeys(item, [...bookkeeping, 'role', 'content', 'phase'], path, this.scope);
    const parts: ContentPart[] =
      typeof item.content === 'string'
        ? [{ type: item.role === 'assistant' ? 'output_text' : 'input_text', text: item.content }]
        : (item.content as ContentPart[]);
    const partPath = (index: number) => `${path}.content[${index}]`;
    switch (item.role) {
      case 'system':
      case 'developer':
        return this.system(
          parts.map((part, index) => systemPartText(part, partPath(index), this.scope)).join(''),
          `${path}.role`,
        );
      case 'user':
        this.prompt.push({
          role: 'user',
          content: parts.map((part, index) => translateUserPart(part, partPath(index), this.scope)),
        });
        return;
      case 'assistant': {
        const text = parts.map((part, index) => assistantPartText(part, partPath(index), this.scope)).join('');
        this.lastAssistant().content.push({ type: 'text', text });
        return;
      }
    }
  }

  functionCall(item: Item, path: string) {
    refuseUnknownKeys(item, [...bookkeeping, 'call_id', 'name', 'arguments'], path, this.scope);
    const callId = String(item.call_id);
    const name = String(item.name);
    this.callNames.set(callId, name);
    let input: unknown;
    try {
      input = JSON.parse(String(item.arguments));
    } catch {
      // A model's malformed arguments go back as it wrote them, as the AI SDK keeps them.
      input = item.arguments;
    }
    this.lastAssistant().content.push({ type: 'tool-call', toolCallId: callId, toolName: name, input });
  }

  functionCallOutput(item: Item, path: string) {
    refuseUnknownKeys(item, [...bookkeeping, 'call_id', 'output'], path, this.scope);
    const callId = String(item.call_id);
    const toolName = this.callNames.get(callId);
    if (toolName === undefined) {
      this.scope.refuse(
        `${path}.call_id`,
        `no function_call with call_id "${callId}" comes before it; send the call (stateless, as Codex does) with its output`,
      );
    }
    const result: LanguageModelV4ToolResultPart = {
      type: 'tool-result',
      toolCallId: callId,
      toolName,
      output: this.toolOutput(item.output as string | ContentPart[], `${path}.output`),
    };
    this.lastTool().content.push(result);
  }

  private toolOutput(output: string | ContentPart[], path: string): LanguageModelV4ToolResultOutput {
    if (typeof output === 'string') return { type: 'text', value: output };
    const parts = output.map((part, index) => translateUserPart(part, `${path}[${index}]`, this.scope));
    if (parts.every((part) => part.type === 'text')) {
      return { type: 'text', value: parts.map((part) => part.text).join('') };
    }
    // Chat Completions tool messages carry text only: the AI SDK would send an image as JSON text.
    if (this.scope.family === 'chat') {
      const index = parts.findIndex((part) => part.type === 'file');
      this.scope.refuse(`${path}[${index}]`, 'Chat Completions tool results carry text only');
    }
    return {
      type: 'content',
      value: parts.map((part) =>
        part.type === 'text'
          ? { type: 'text', text: part.text }
          : { type: 'file', data: part.data, mediaType: part.mediaType, filename: part.filename },
      ),
    };
  }

  reasoning(item: Item, path: string) {
    refuseUnknownKeys(item, [...bookkeeping, 'summary', 'content', 'encrypted_content'], path, this.scope);
    // An item of a recent answer sent back without its sealed content (a client that did not include it)
    // is taken whole from memory: Anthropic needs its signed thinking back within a tool loop.
    const remembered = typeof item.id === 'string' ? this.memory.recall(item.id) : undefined;
    const encrypted =
      typeof item.encrypted_content === 'string'
        ? item.encrypted_content
        : typeof remembered?.encrypted_content === 'string' && remembered.type === 'reasoning'
          ? remembered.encrypted_content
          : '';
    if (isSealedReasoning(encrypted)) {
      // Reasoning a translated target gave: back to it exactly as given, signature and all.
      const sealed = openReasoning(encrypted);
      if (!sealed) {
        this.scope.refuse(
          `${path}.encrypted_content`,
          'it was changed after Switchboard sent it; send it back as received',
        );
      }
      this.pushReasoning(sealed.text, sealed.providerMetadata);
      return;
    }
    // OpenAI's encrypted reasoning is sealed to OpenAI: no other provider can read it, so only its visible
    // text goes on; reasoning with no visible text is context this target never had.
    const texts = (item.content as { text: string }[] | null | undefined)?.map((part) => part.text) ?? [];
    const summaries = (item.summary as { text: string }[]).map((part) => part.text);
    this.pushReasoning((texts.length > 0 ? texts : summaries).join('\n\n'), undefined);
  }

  private pushReasoning(text: string, providerMetadata: SharedV4ProviderMetadata | undefined) {
    // Anthropic takes back only thinking it signed itself (another model's reasoning it cannot verify).
    if (this.scope.family === 'anthropic' && !providerMetadata?.anthropic) return;
    if (text === '' && !providerMetadata) return;
    this.lastAssistant().content.push(
      providerMetadata ? { type: 'reasoning', text, providerOptions: providerMetadata } : { type: 'reasoning', text },
    );
  }
}

/** The conversation of a Responses request (`instructions`, then `input`) in the AI SDK's terms. */
export function translateInput(
  instructions: string | null | undefined,
  input: string | Item[] | undefined,
  scope: TranslationScope,
  memory: ItemMemory = answeredItems,
): LanguageModelV4Prompt {
  const builder = new PromptBuilder(scope, memory);
  if (instructions) builder.system(instructions, 'instructions');
  if (input === undefined) {
    scope.refuse('input', 'a translated request carries its whole conversation in "input"');
  }
  if (typeof input === 'string') {
    builder.prompt.push({ role: 'user', content: [{ type: 'text', text: input }] });
    return builder.prompt;
  }
  for (const [index, given] of input.entries()) {
    const path = `input[${index}]`;
    const item = given.type === 'item_reference' ? recall(given, path, scope, memory) : given;
    const type = item.type ?? 'message';
    switch (type) {
      case 'message':
        builder.message(item, path);
        break;
      case 'function_call':
        builder.functionCall(item, path);
        break;
      case 'function_call_output':
        builder.functionCallOutput(item, path);
        break;
      case 'reasoning':
        builder.reasoning(item, path);
        break;
      default:
        scope.refuse(`${path}.type`, `"${type}" items belong to tools Switchboard cannot translate`);
    }
  }
  return builder.prompt;
}

/** The item a reference names, if it is one of Switchboard's recent answers' items. */
function recall(reference: Item, path: string, scope: TranslationScope, memory: ItemMemory): Item {
  refuseUnknownKeys(reference, ['type', 'id'], path, scope);
  const item = memory.recall(String(reference.id));
  if (!item) {
    scope.refuse(
      `${path}.id`,
      `"${String(reference.id)}" is not an item of Switchboard's recent answers (kept an hour, in memory): send the item itself (with @ai-sdk/openai, providerOptions.openai.store = false)`,
    );
  }
  return item;
}
