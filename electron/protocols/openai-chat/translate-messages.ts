import type {
  LanguageModelV4Message,
  LanguageModelV4Prompt,
  LanguageModelV4ToolCallPart,
  LanguageModelV4ToolResultPart,
} from '@ai-sdk/provider';
import { refuseUnknownKeys } from './part-options';
import type { ChatMessage, ContentPart, ToolCall } from './request-schema';
import { toTexts, toUserParts } from './translate-content';
import { providerNames, type TranslationContext } from './translation-context';

type AssistantContent = Extract<LanguageModelV4Message, { role: 'assistant' }>['content'];

/** The fields each role may carry; any other is refused by name. */
const knownKeys: Record<ChatMessage['role'], string[]> = {
  system: ['role', 'content', 'name'],
  developer: ['role', 'content', 'name'],
  user: ['role', 'content', 'name'],
  assistant: [
    'role',
    'content',
    'name',
    'tool_calls',
    'function_call',
    'refusal',
    'audio',
    'reasoning_content',
    'reasoning',
  ],
  tool: ['role', 'content', 'tool_call_id'],
  function: ['role', 'content', 'name'],
};

/** A tool call's JSON arguments as the neutral input; text that is not JSON goes on as it is. */
function parseArguments(text: string): unknown {
  try {
    return JSON.parse(text === '' ? '{}' : text);
  } catch {
    return text;
  }
}

function joinTexts(content: string | ContentPart[], path: string, context: TranslationContext) {
  return toTexts(content, path, context)
    .map((part) => part.text)
    .join('');
}

/** Walks the conversation, remembering tool calls so each result can name its tool. */
class PromptBuilder {
  readonly prompt: LanguageModelV4Prompt = [];
  private readonly toolNames = new Map<string, string>();
  /** Legacy `function_call`s not yet answered, oldest first. */
  private readonly openFunctionCalls: { id: string; name: string }[] = [];
  private hasConversationStarted = false;

  constructor(private readonly context: TranslationContext) {}

  add(message: ChatMessage, path: string) {
    const { context } = this;
    refuseUnknownKeys(message, knownKeys[message.role], path, context);
    if ('name' in message && message.name != null && message.role !== 'function') {
      context.refuse(`${path}.name`, `${providerNames[context.kind]} has no participant names on messages`);
    }
    switch (message.role) {
      case 'system':
      case 'developer':
        if (this.hasConversationStarted && context.kind === 'google') {
          context.refuse(path, 'Gemini takes system instructions only before the conversation: move it to the start');
        }
        for (const part of toTexts(message.content, `${path}.content`, context)) {
          this.prompt.push({ role: 'system', content: part.text, providerOptions: part.providerOptions });
        }
        return;
      case 'user':
        this.hasConversationStarted = true;
        this.prompt.push({ role: 'user', content: toUserParts(message.content, `${path}.content`, context) });
        return;
      case 'assistant':
        this.hasConversationStarted = true;
        this.prompt.push({ role: 'assistant', content: this.assistantContent(message, path) });
        return;
      case 'tool': {
        const toolName =
          this.toolNames.get(message.tool_call_id) ??
          context.refuse(
            `${path}.tool_call_id`,
            `no earlier assistant message has a tool call "${message.tool_call_id}"`,
          );
        this.addResult(message.tool_call_id, toolName, joinTexts(message.content, `${path}.content`, context));
        return;
      }
      case 'function': {
        const index = this.openFunctionCalls.findIndex((call) => call.name === message.name);
        if (index === -1) context.refuse(path, `no earlier assistant message calls the function "${message.name}"`);
        const [call] = this.openFunctionCalls.splice(index, 1);
        this.addResult(call!.id, call!.name, message.content ?? '');
      }
    }
  }

  private assistantContent(message: Extract<ChatMessage, { role: 'assistant' }>, path: string): AssistantContent {
    const { context } = this;
    if (message.audio != null)
      context.refuse(`${path}.audio`, 'an earlier audio answer cannot be sent to another provider');
    const content: AssistantContent = [];
    const reasoning = message.reasoning_content ?? message.reasoning;
    if (typeof reasoning === 'string' && reasoning !== '') content.push({ type: 'reasoning', text: reasoning });
    if (typeof message.content === 'string') {
      if (message.content !== '') content.push({ type: 'text', text: message.content });
    } else {
      for (const [index, part] of (message.content ?? []).entries()) {
        // An earlier refusal is what the assistant said: it goes on as its text.
        if (part.type === 'refusal') {
          refuseUnknownKeys(part, ['type', 'refusal'], `${path}.content[${index}]`, context);
          content.push({ type: 'text', text: String(part.refusal) });
          continue;
        }
        for (const text of toTexts([part], `${path}.content[${index}]`, context))
          content.push({ type: 'text', ...text });
      }
    }
    if (message.refusal) content.push({ type: 'text', text: message.refusal });
    for (const [index, call] of (message.tool_calls ?? []).entries()) {
      content.push(this.toolCall(call, `${path}.tool_calls[${index}]`));
    }
    if (message.function_call) {
      const id = `call_function_${this.prompt.length}`;
      this.openFunctionCalls.push({ id, name: message.function_call.name });
      this.toolNames.set(id, message.function_call.name);
      const input = parseArguments(message.function_call.arguments);
      content.push({ type: 'tool-call', toolCallId: id, toolName: message.function_call.name, input });
    }
    return content;
  }

  private toolCall(call: ToolCall, path: string): LanguageModelV4ToolCallPart {
    if (call.type !== 'function' || !call.function) {
      this.context.refuse(path, `a "${call.type}" tool call has no translation: only function tools do`);
    }
    refuseUnknownKeys(call, ['id', 'type', 'function'], path, this.context);
    this.toolNames.set(call.id, call.function.name);
    return {
      type: 'tool-call',
      toolCallId: call.id,
      toolName: call.function.name,
      input: parseArguments(call.function.arguments),
    };
  }

  /** Results that follow one another travel in one tool message, as every provider groups them. */
  private addResult(toolCallId: string, toolName: string, text: string) {
    const result: LanguageModelV4ToolResultPart = {
      type: 'tool-result',
      toolCallId,
      toolName,
      output: { type: 'text', value: text },
    };
    const last = this.prompt.at(-1);
    if (last?.role === 'tool') last.content.push(result);
    else this.prompt.push({ role: 'tool', content: [result] });
  }
}

/** Chat Completions messages as the AI SDK's neutral prompt. */
export function toPrompt(messages: ChatMessage[], context: TranslationContext): LanguageModelV4Prompt {
  const builder = new PromptBuilder(context);
  messages.forEach((message, index) => builder.add(message, `messages[${index}]`));
  return builder.prompt;
}
