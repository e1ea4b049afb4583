import type { LanguageModelV4FunctionTool, LanguageModelV4ToolChoice } from '@ai-sdk/provider';
import type { FunctionDefinition } from './request-schema';
import { providerNames, type TranslationContext } from './translation-context';

function toFunctionTool(definition: FunctionDefinition): LanguageModelV4FunctionTool {
  return {
    type: 'function',
    name: definition.name,
    ...(definition.description !== undefined ? { description: definition.description } : {}),
    // Omitted parameters mean a function without arguments.
    inputSchema: (definition.parameters ?? {
      type: 'object',
      properties: {},
    }) as LanguageModelV4FunctionTool['inputSchema'],
    ...(definition.strict != null ? { strict: definition.strict } : {}),
  };
}

/** `tools`: function tools with their JSON schema and `strict`; custom (free-form) tools have no translation. */
export function translateTools(context: TranslationContext) {
  const { tools, functions } = context.request;
  if (!tools) return;
  if (functions) context.refuse('functions', 'send either "tools" or the older "functions", not both');
  context.call.tools = tools.map((tool, index) => {
    if (tool.type !== 'function' || !tool.function) {
      return context.refuse(`tools[${index}]`, `a "${tool.type}" tool has no translation: only function tools do`);
    }
    return toFunctionTool(tool.function);
  });
}

function hasTool(context: TranslationContext, name: string) {
  return context.call.tools?.some((tool) => tool.name === name) ?? false;
}

/** Anthropic cannot force a tool while it thinks (the AI SDK would fall back to "auto" without a word). */
function refuseForcedWhileThinking(context: TranslationContext, field: string) {
  const effort = context.request.reasoning_effort;
  if (context.kind === 'anthropic' && effort && effort !== 'none') {
    context.refuse(
      field,
      'Anthropic cannot force a tool call while thinking: leave out reasoning_effort or use "auto"',
    );
  }
}

/** `tool_choice`: none, auto, required, a named function, or `allowed_tools` (the other tools are left out). */
export function translateToolChoice(context: TranslationContext) {
  const choice = context.request.tool_choice;
  if (choice == null) return;
  if (!context.call.tools) context.refuse('tool_choice', 'it needs "tools"');
  let toolChoice: LanguageModelV4ToolChoice;
  if (typeof choice === 'string') {
    toolChoice = { type: choice };
  } else if (choice.type === 'function') {
    if (!hasTool(context, choice.function.name)) {
      context.refuse('tool_choice', `no tool is named "${choice.function.name}"`);
    }
    toolChoice = { type: 'tool', toolName: choice.function.name };
  } else if (choice.type === 'allowed_tools') {
    const allowed = new Set(choice.allowed_tools.tools.map((tool) => tool.function?.name));
    context.call.tools = context.call.tools!.filter((tool) => allowed.has(tool.name));
    toolChoice = { type: choice.allowed_tools.mode };
  } else {
    return context.refuse('tool_choice', 'custom tools have no translation');
  }
  if (toolChoice.type === 'required' || toolChoice.type === 'tool') refuseForcedWhileThinking(context, 'tool_choice');
  context.call.toolChoice = toolChoice;
}

/** `parallel_tool_calls`: true is every provider's default; false only where the provider can turn it off. */
export function translateParallelToolCalls(context: TranslationContext) {
  const isParallel = context.request.parallel_tool_calls;
  if (isParallel == null) return;
  if (context.kind === 'openai') context.setProviderOption('parallelToolCalls', isParallel);
  else if (context.kind === 'anthropic') context.setProviderOption('disableParallelToolUse', !isParallel);
  else if (!isParallel) {
    context.refuse('parallel_tool_calls', `${providerNames[context.kind]} cannot be kept to one tool call at a time`);
  }
}

/** The older `functions`: tools answered one call at a time, as `function_call`. */
export function translateFunctions(context: TranslationContext) {
  const { functions } = context.request;
  if (!functions || context.request.tools) return;
  // An answer to `functions` carries one call: only a provider that can be kept to one can answer it.
  if (context.kind === 'openai') context.setProviderOption('parallelToolCalls', false);
  else if (context.kind === 'anthropic') context.setProviderOption('disableParallelToolUse', true);
  else {
    context.refuse('functions', `${providerNames[context.kind]} cannot be kept to one call at a time: send "tools"`);
  }
  context.call.tools = functions.map(toFunctionTool);
}

/** The older `function_call`: none, auto, or `{ name }`. */
export function translateFunctionCall(context: TranslationContext) {
  const choice = context.request.function_call;
  if (choice == null) return;
  if (!context.request.functions) context.refuse('function_call', 'it needs "functions"');
  if (typeof choice === 'string') {
    context.call.toolChoice = { type: choice };
    return;
  }
  if (!hasTool(context, choice.name)) context.refuse('function_call', `no function is named "${choice.name}"`);
  refuseForcedWhileThinking(context, 'function_call');
  context.call.toolChoice = { type: 'tool', toolName: choice.name };
}
