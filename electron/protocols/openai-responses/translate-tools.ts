import type { JSONSchema7, LanguageModelV4FunctionTool, LanguageModelV4ToolChoice } from '@ai-sdk/provider';
import { refuseUnknownKeys, type TranslationScope } from './target-family';

type Tool = Record<string, unknown> & { type: string };

/** A function tool with no parameters still needs an object schema for every provider. */
const emptyParameters: JSONSchema7 = { type: 'object', properties: {} };

/** Function tools in the AI SDK's terms; built-in (hosted) tools run only at OpenAI, so they are refused. */
export function translateTools(tools: Tool[], scope: TranslationScope): LanguageModelV4FunctionTool[] {
  return tools.map((tool, index) => {
    const path = `tools[${index}]`;
    if (tool.type !== 'function') {
      scope.refuse(
        `${path}.type`,
        `"${tool.type}" is a tool OpenAI runs itself; only function tools can be translated`,
      );
    }
    // `defer_loading: false` and empty lists are the defaults: they say nothing.
    const extras = Object.fromEntries(
      Object.entries(tool).filter(([, value]) => value !== false && !(Array.isArray(value) && value.length === 0)),
    );
    refuseUnknownKeys(extras, ['type', 'name', 'description', 'parameters', 'strict'], path, scope);
    const translated: LanguageModelV4FunctionTool = {
      type: 'function',
      name: String(tool.name),
      inputSchema: (tool.parameters as JSONSchema7 | null | undefined) ?? emptyParameters,
    };
    if (typeof tool.description === 'string') translated.description = tool.description;
    if (typeof tool.strict === 'boolean') translated.strict = tool.strict;
    return translated;
  });
}

/**
 * `tool_choice` in the AI SDK's terms. `allowed_tools` narrows the tools the model may call: the same
 * narrowing is done by sending only those tools.
 */
export function translateToolChoice(
  choice: unknown,
  tools: LanguageModelV4FunctionTool[],
  scope: TranslationScope,
): { toolChoice: LanguageModelV4ToolChoice; tools: LanguageModelV4FunctionTool[] } {
  if (choice === 'auto' || choice === 'none' || choice === 'required') return { toolChoice: { type: choice }, tools };
  const object = choice as Tool;
  if (object.type === 'function') {
    refuseUnknownKeys(object, ['type', 'name'], 'tool_choice', scope);
    const name = String(object.name);
    if (!tools.some((tool) => tool.name === name)) {
      scope.refuse('tool_choice.name', `no function tool named "${name}" is in "tools"`);
    }
    return { toolChoice: { type: 'tool', toolName: name }, tools };
  }
  if (object.type === 'allowed_tools') {
    refuseUnknownKeys(object, ['type', 'mode', 'tools'], 'tool_choice', scope);
    const allowed = Array.isArray(object.tools) ? (object.tools as Tool[]) : [];
    const names = allowed.map((entry, index) => {
      if (entry.type !== 'function') {
        scope.refuse(`tool_choice.tools[${index}].type`, 'only function tools can be translated');
      }
      return String(entry.name);
    });
    const mode = object.mode === 'required' ? 'required' : 'auto';
    return { toolChoice: { type: mode }, tools: tools.filter((tool) => names.includes(tool.name)) };
  }
  return scope.refuse('tool_choice.type', `"${object.type}" chooses a tool OpenAI runs itself`);
}
