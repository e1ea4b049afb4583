import { describe, expect, it } from 'vitest';
import { UnsupportedFieldError, type TranslationTarget } from '../types';
import { translateResponsesRequest } from './translate-request';

const chat: TranslationTarget = { target: 'local/llama3.2', kind: 'openai-compatible' };
const anthropic: TranslationTarget = { target: 'claude/claude-sonnet-4-5', kind: 'anthropic' };

describe('tools on a translated target', () => {
  const tools = [
    {
      type: 'function',
      name: 'a',
      description: 'First',
      parameters: { type: 'object', properties: { x: { type: 'string' } } },
    },
    { type: 'function', name: 'b', parameters: null, strict: true, defer_loading: false },
  ];

  it('sends function tools with their schema (an empty object schema when none)', () => {
    expect(translateResponsesRequest({ model: 'm', input: 'x', tools }, chat).tools).toEqual([
      { type: 'function', name: 'a', description: 'First', inputSchema: tools[0]!.parameters },
      { type: 'function', name: 'b', inputSchema: { type: 'object', properties: {} }, strict: true },
    ]);
  });

  it('narrows the tools to allowed_tools, and maps each tool_choice', () => {
    const narrowed = translateResponsesRequest(
      {
        model: 'm',
        input: 'x',
        tools,
        tool_choice: { type: 'allowed_tools', mode: 'required', tools: [{ type: 'function', name: 'b' }] },
      },
      anthropic,
    );
    expect(narrowed.tools?.map((tool) => tool.name)).toEqual(['b']);
    expect(narrowed.toolChoice).toEqual({ type: 'required' });
    for (const choice of ['auto', 'none', 'required'] as const) {
      expect(
        translateResponsesRequest({ model: 'm', input: 'x', tools, tool_choice: choice }, chat).toolChoice,
      ).toEqual({
        type: choice,
      });
    }
  });

  it('refuses hosted tools, tool options it cannot translate, and a choice of a tool not sent', () => {
    const refuse = (body: Record<string, unknown>) => {
      try {
        translateResponsesRequest({ model: 'm', input: 'x', ...body }, chat);
      } catch (error) {
        return (error as UnsupportedFieldError).field;
      }
    };
    expect(refuse({ tools: [{ type: 'custom', name: 'apply_patch' }] })).toBe('tools[0].type');
    expect(refuse({ tools: [{ type: 'function', name: 'f', defer_loading: true }] })).toBe('tools[0].defer_loading');
    expect(refuse({ tools, tool_choice: { type: 'function', name: 'zzz' } })).toBe('tool_choice.name');
    expect(refuse({ tools, tool_choice: { type: 'web_search_preview' } })).toBe('tool_choice.type');
  });
});
