// Every top-level field of a Messages request, translated or refused per target, and what the real AI SDK
// provider of that target then sends: no field may vanish on the way (the provider's warnings would say).
import { describe, expect, it } from 'vitest';
import type { EndpointKind } from '../../../shared/types/config';
import { sentToProvider } from '../../../test/integration/sent-to-provider';
import { UnsupportedFieldError, type TranslationTarget } from '../types';
import { messagesFieldRules, translateMessagesRequest } from './translate-request';

const targets = {
  openai: { target: 'oa/gpt-4.1', kind: 'openai' },
  // OpenAI's reasoning models take a reasoning effort (and no temperature): the AI SDK knows which.
  openaiReasoning: { target: 'oa/gpt-5', kind: 'openai' },
  chat: { target: 'lan.box/llama3.2', kind: 'openai-compatible' },
  openrouter: { target: 'or/anthropic/claude-sonnet-4.5', kind: 'openrouter' },
  google: { target: 'gem/gemini-2.5-flash', kind: 'google' },
} satisfies Record<string, TranslationTarget>;
type Family = 'openai' | 'chat' | 'google';
const families: Family[] = ['openai', 'chat', 'google'];

const base = { model: 'route', max_tokens: 256, messages: [{ role: 'user', content: 'Hi' }] };
const translate = (extra: Record<string, unknown>, family: Family) =>
  translateMessagesRequest({ ...base, ...extra }, targets[family]);

/** The wire body the real provider sends for a translated request, checking it dropped nothing. */
async function wire(extra: Record<string, unknown>, family: Family | 'openrouter' | 'openaiReasoning') {
  const target = targets[family];
  const { body, warnings } = await sentToProvider(
    translateMessagesRequest({ ...base, ...extra }, target),
    target.target,
    target.kind as EndpointKind,
  );
  expect(warnings.filter((warning) => warning.type === 'unsupported')).toEqual([]);
  return body;
}

function refusal(extra: Record<string, unknown>, family: Family): UnsupportedFieldError {
  try {
    translate(extra, family);
  } catch (error) {
    if (error instanceof UnsupportedFieldError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(extra)} to be refused for ${family}`);
}

/**
 * One sample per field: per family, what reaches that provider's wire body, or the refusal's field name.
 * The list must name every field the translation knows (checked below).
 */
const fieldCases: Record<string, { value: unknown } & Record<Family, Record<string, unknown> | { refused: string }>> = {
  model: { value: 'route', openai: { model: 'gpt-4.1' }, chat: { model: 'llama3.2' }, google: {} },
  stream: { value: true, openai: {}, chat: {}, google: {} },
  messages: {
    value: [{ role: 'user', content: 'Ping?' }],
    openai: { input: [{ role: 'user', content: [{ type: 'input_text', text: 'Ping?' }] }] },
    chat: { messages: [{ role: 'user', content: 'Ping?' }] },
    google: { contents: [{ role: 'user', parts: [{ text: 'Ping?' }] }] },
  },
  system: {
    value: 'Be brief.',
    openai: { input: [{ role: 'system', content: 'Be brief.' }, expect.anything()] },
    chat: { messages: [{ role: 'system', content: 'Be brief.' }, expect.anything()] },
    google: { systemInstruction: { parts: [{ text: 'Be brief.' }] } },
  },
  max_tokens: {
    value: 300,
    openai: { max_output_tokens: 300 },
    chat: { max_tokens: 300 },
    google: { generationConfig: expect.objectContaining({ maxOutputTokens: 300 }) },
  },
  temperature: {
    value: 0.3,
    openai: { temperature: 0.3 },
    chat: { temperature: 0.3 },
    google: { generationConfig: expect.objectContaining({ temperature: 0.3 }) },
  },
  top_p: {
    value: 0.8,
    openai: { top_p: 0.8 },
    chat: { top_p: 0.8 },
    google: { generationConfig: expect.objectContaining({ topP: 0.8 }) },
  },
  top_k: {
    value: 40,
    openai: { refused: 'top_k' },
    chat: { top_k: 40 },
    google: { generationConfig: expect.objectContaining({ topK: 40 }) },
  },
  stop_sequences: {
    value: ['END'],
    openai: { refused: 'stop_sequences' },
    chat: { stop: ['END'] },
    google: { generationConfig: expect.objectContaining({ stopSequences: ['END'] }) },
  },
  metadata: {
    value: { user_id: 'user-7f3a' },
    openai: { safety_identifier: 'user-7f3a' },
    chat: { user: 'user-7f3a' },
    google: { refused: 'metadata.user_id' },
  },
  service_tier: {
    value: 'standard_only',
    openai: { service_tier: 'default' },
    chat: { service_tier: 'default' },
    google: { serviceTier: 'standard' },
  },
  tools: {
    value: [{ name: 'get_weather', description: 'Weather now', input_schema: { type: 'object' } }],
    openai: { tools: [expect.objectContaining({ type: 'function', name: 'get_weather', description: 'Weather now' })] },
    chat: { tools: [{ type: 'function', function: expect.objectContaining({ name: 'get_weather' }) }] },
    google: { tools: [{ functionDeclarations: [expect.objectContaining({ name: 'get_weather' })] }] },
  },
  tool_choice: {
    value: { type: 'any', disable_parallel_tool_use: true },
    openai: { tool_choice: 'required', parallel_tool_calls: false },
    chat: { tool_choice: 'required', parallel_tool_calls: false },
    google: { refused: 'tool_choice.disable_parallel_tool_use' },
  },
  thinking: {
    value: { type: 'enabled', budget_tokens: 100 },
    openai: { reasoning: { effort: 'medium', summary: 'auto' } },
    chat: { reasoning_effort: 'medium' },
    google: {
      generationConfig: expect.objectContaining({ thinkingConfig: { thinkingBudget: 100, includeThoughts: true } }),
    },
  },
  output_config: {
    value: { format: { type: 'json_schema', schema: { type: 'object', properties: { a: { type: 'string' } } } } },
    openai: { text: { format: expect.objectContaining({ type: 'json_schema', strict: true }) } },
    chat: { response_format: expect.objectContaining({ type: 'json_schema' }) },
    google: { generationConfig: expect.objectContaining({ responseMimeType: 'application/json' }) },
  },
  output_format: {
    value: { type: 'json_schema', schema: { type: 'object' } },
    openai: { text: { format: expect.objectContaining({ type: 'json_schema' }) } },
    chat: { response_format: expect.objectContaining({ type: 'json_schema' }) },
    google: { generationConfig: expect.objectContaining({ responseJsonSchema: { type: 'object' } }) },
  },
  cache_control: {
    value: { type: 'ephemeral' },
    openai: { refused: 'cache_control' },
    chat: { refused: 'cache_control' },
    google: { refused: 'cache_control' },
  },
  container: {
    value: 'container_1',
    openai: { refused: 'container' },
    chat: { refused: 'container' },
    google: { refused: 'container' },
  },
  mcp_servers: {
    value: [{ type: 'url', url: 'https://mcp.example', name: 'x' }],
    openai: { refused: 'mcp_servers' },
    chat: { refused: 'mcp_servers' },
    google: { refused: 'mcp_servers' },
  },
  context_management: {
    value: { edits: [{ type: 'clear_tool_uses_20250919' }] },
    openai: { refused: 'context_management' },
    chat: { refused: 'context_management' },
    google: { refused: 'context_management' },
  },
  diagnostics: {
    value: { previous_message_id: 'msg_1' },
    openai: { refused: 'diagnostics' },
    chat: { refused: 'diagnostics' },
    google: { refused: 'diagnostics' },
  },
  inference_geo: {
    value: 'us',
    openai: { refused: 'inference_geo' },
    chat: { refused: 'inference_geo' },
    google: { refused: 'inference_geo' },
  },
  speed: { value: 'fast', openai: { refused: 'speed' }, chat: { refused: 'speed' }, google: { refused: 'speed' } },
};

describe('each top-level field of a Messages request, per translation target', () => {
  it('has a case for every field the translation knows', () => {
    expect(Object.keys(fieldCases).sort()).toEqual(Object.keys(messagesFieldRules).sort());
  });

  for (const [field, { value, ...expected }] of Object.entries(fieldCases)) {
    for (const family of families) {
      const outcome = expected[family];
      it(`${field} → ${family}: ${'refused' in outcome ? `refused (${outcome.refused})` : 'reaches the provider'}`, async () => {
        const extra = { [field]: value, ...(field === 'tool_choice' ? { tools: fieldCases.tools!.value } : {}) };
        if ('refused' in outcome) {
          const error = refusal(extra, family);
          expect(error.field).toBe(outcome.refused);
          expect(error.message).toContain(targets[family].target);
          expect(error.message).toContain(outcome.refused);
          return;
        }
        const wireTarget = field === 'thinking' && family === 'openai' ? 'openaiReasoning' : family;
        expect(await wire(extra, wireTarget)).toMatchObject(outcome);
      });
    }
  }

  it('refuses a field it has never heard of, and keeps nulls and empty values as absent', () => {
    expect(refusal({ frobnicate: 1 }, 'chat')).toMatchObject({ field: 'frobnicate' });
    expect(() =>
      translate({ frobnicate: null, stop_sequences: [], metadata: {}, stream: false }, 'openai'),
    ).not.toThrow();
  });

  it('refuses max_tokens 0 (it only warms Anthropic’s cache)', () => {
    expect(refusal({ max_tokens: 0 }, 'google').field).toBe('max_tokens');
  });

  it('takes the standard speed and refuses a tier it does not know', () => {
    expect(() => translate({ speed: 'standard' }, 'chat')).not.toThrow();
    expect(refusal({ service_tier: 'priority' }, 'openai').field).toBe('service_tier');
  });

  it('refuses metadata it has no rule for', () => {
    expect(refusal({ metadata: { user_id: 'u', tenant: 'x' } }, 'openai').field).toBe('metadata.tenant');
  });

  it('maps service_tier "auto" to OpenAI’s auto, and to Gemini’s default tier', async () => {
    expect(await wire({ service_tier: 'auto' }, 'openai')).toMatchObject({ service_tier: 'auto' });
    expect(await wire({ service_tier: 'auto' }, 'google')).not.toHaveProperty('serviceTier');
  });

  it('sends Chat Completions fields to OpenRouter too (any endpoint id)', async () => {
    expect(
      await wire(
        { top_k: 5, tool_choice: { type: 'auto', disable_parallel_tool_use: true }, tools: fieldCases.tools!.value },
        'openrouter',
      ),
    ).toMatchObject({
      top_k: 5,
      parallel_tool_calls: false,
      tool_choice: 'auto',
    });
  });

  it('never translates for an Anthropic target, whose Messages requests pass through', () => {
    expect(() => translateMessagesRequest(base, { target: 'a/claude', kind: 'anthropic' })).toThrow(/passes through/);
  });
});
