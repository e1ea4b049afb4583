import type { JSONSchema7, LanguageModelV4FunctionTool, LanguageModelV4ToolChoice } from '@ai-sdk/provider';
import { apiName, isSet, refuseOtherKeys } from './block-fields';
import type { TranslationContext } from './translation-context';

type Tool = Record<string, unknown> & { name: string; type?: string | null };
type ToolChoice = { type: 'auto' | 'any' | 'tool' | 'none'; name?: string; disable_parallel_tool_use?: boolean };

/** Examples go into the description, where every model reads them (the AI SDK's own middleware does so). */
function describe(tool: Tool): string | undefined {
  const examples = tool.input_examples as unknown[] | undefined;
  const description = typeof tool.description === 'string' ? tool.description : undefined;
  if (!examples?.length) return description;
  const lines = examples.map((example) => JSON.stringify(example)).join('\n');
  return `${description ? `${description}\n\n` : ''}Input examples:\n${lines}`;
}

function functionTool(context: TranslationContext, tool: Tool, path: string): LanguageModelV4FunctionTool {
  if (tool.type !== undefined && tool.type !== null && tool.type !== 'custom') {
    context.refuse(path, `${tool.type} is a tool Anthropic defines or runs; ${apiName(context)} has no such tool`);
  }
  refuseOtherKeys(context, tool, path, [
    'name',
    'description',
    'input_schema',
    'strict',
    'input_examples',
    'allowed_callers',
  ]);
  const callers = tool.allowed_callers as string[] | undefined;
  if (callers && callers.some((caller) => caller !== 'direct')) {
    context.refuse(`${path}.allowed_callers`, `calls from Anthropic's code execution exist only there`);
  }
  if (!isSet(tool.input_schema)) context.refuse(`${path}.input_schema`, 'a custom tool needs its input_schema');
  return {
    type: 'function',
    name: tool.name,
    inputSchema: tool.input_schema as JSONSchema7,
    ...(describe(tool) !== undefined ? { description: describe(tool) } : {}),
    ...(typeof tool.strict === 'boolean' ? { strict: tool.strict } : {}),
  };
}

export function translateTools(context: TranslationContext, tools: Tool[]): LanguageModelV4FunctionTool[] {
  return tools.map((tool, index) => functionTool(context, tool, `tools.${index}`));
}

/** `tool_choice`, and its `disable_parallel_tool_use` as each target spells it. */
export function translateToolChoice(context: TranslationContext, choice: ToolChoice): LanguageModelV4ToolChoice {
  refuseOtherKeys(context, choice, 'tool_choice', ['name', 'disable_parallel_tool_use']);
  if (choice.disable_parallel_tool_use === true) {
    if (context.family === 'openai') context.options.openai.parallelToolCalls = false;
    if (context.family === 'chat') context.options.chatBody.parallel_tool_calls = false;
    if (context.family === 'google') {
      context.refuse('tool_choice.disable_parallel_tool_use', 'Gemini cannot be kept to one tool call per turn');
    }
  }
  switch (choice.type) {
    case 'any':
      return { type: 'required' };
    case 'tool':
      return { type: 'tool', toolName: String(choice.name) };
    default:
      return { type: choice.type };
  }
}
