// One sample per Chat Completions request field: the body it is sent with, and what each kind's call must show.
import { expect } from 'vitest';
import type { TranslatedCall, TranslationTarget } from '../../types';

export const sampleTargets = {
  openai: { target: 'work/gpt-4.1-mini', kind: 'openai' },
  anthropic: { target: 'claude/claude-sonnet-4-5', kind: 'anthropic' },
  google: { target: 'gemini/gemini-3-flash-preview', kind: 'google' },
} satisfies Record<string, TranslationTarget>;
export type SampleKind = keyof typeof sampleTargets;

export const weather = {
  type: 'function',
  function: { name: 'get_weather', description: 'Weather now', parameters: { type: 'object', properties: {} } },
};
export const weatherTool = {
  type: 'function',
  name: 'get_weather',
  description: 'Weather now',
  inputSchema: { type: 'object', properties: {} },
};

export type Expectation = 'refused' | ((call: TranslatedCall) => void);
const refusedEverywhere = { openai: 'refused', anthropic: 'refused', google: 'refused' } as const;
const same = (check: (call: TranslatedCall) => void) => ({ openai: check, anthropic: check, google: check });
const options = (kind: string, value: Record<string, unknown>) => (call: TranslatedCall) =>
  expect(call.providerOptions?.[kind]).toMatchObject(value);

/**
 * The body each field is sent with, what each kind's call must show (or that it is refused), and the model an
 * OpenAI sample needs when the field is only for some models.
 */
export const samples: Record<
  string,
  {
    body: Record<string, unknown>;
    expect: Record<SampleKind, Expectation>;
    /** The field a refusal names instead. */
    refusedAs?: string;
    /** An OpenAI model other than the sample target's, for fields only some models take. */
    openAIModel?: string;
  }
> = {
  model: { body: {}, expect: same((call) => expect(call.prompt).toHaveLength(1)) },
  messages: {
    body: {},
    expect: same((call) => expect(call.prompt).toEqual([{ role: 'user', content: [{ type: 'text', text: 'Hi' }] }])),
  },
  stream: { body: { stream: true }, expect: same((call) => expect(call.prompt).toHaveLength(1)) },
  stream_options: {
    body: { stream: true, stream_options: { include_usage: true } },
    expect: same((call) => expect(call.prompt).toHaveLength(1)),
  },
  audio: { body: { audio: { voice: 'alloy', format: 'mp3' } }, expect: refusedEverywhere },
  frequency_penalty: {
    body: { frequency_penalty: 0.5 },
    expect: { openai: 'refused', anthropic: 'refused', google: (call) => expect(call.frequencyPenalty).toBe(0.5) },
  },
  presence_penalty: {
    body: { presence_penalty: -0.5 },
    expect: { openai: 'refused', anthropic: 'refused', google: (call) => expect(call.presencePenalty).toBe(-0.5) },
  },
  functions: {
    body: { functions: [weather.function] },
    expect: {
      openai: (call) => {
        expect(call.tools).toEqual([weatherTool]);
        options('openai', { parallelToolCalls: false })(call);
      },
      anthropic: (call) => {
        expect(call.tools).toEqual([weatherTool]);
        options('anthropic', { disableParallelToolUse: true })(call);
      },
      google: 'refused',
    },
  },
  function_call: {
    body: { functions: [weather.function], function_call: { name: 'get_weather' } },
    refusedAs: 'functions',
    expect: {
      openai: (call) => expect(call.toolChoice).toEqual({ type: 'tool', toolName: 'get_weather' }),
      anthropic: (call) => expect(call.toolChoice).toEqual({ type: 'tool', toolName: 'get_weather' }),
      google: 'refused',
    },
  },
  logit_bias: { body: { logit_bias: { '50256': -100 } }, expect: refusedEverywhere },
  logprobs: { body: { logprobs: true }, expect: refusedEverywhere },
  top_logprobs: { body: { top_logprobs: 3 }, expect: refusedEverywhere },
  max_completion_tokens: {
    body: { max_completion_tokens: 64 },
    expect: same((call) => expect(call.maxOutputTokens).toBe(64)),
  },
  max_tokens: { body: { max_tokens: 32 }, expect: same((call) => expect(call.maxOutputTokens).toBe(32)) },
  metadata: {
    body: { metadata: { team: 'docs' } },
    expect: { openai: options('openai', { metadata: { team: 'docs' } }), anthropic: 'refused', google: 'refused' },
  },
  modalities: { body: { modalities: ['text', 'audio'] }, expect: refusedEverywhere },
  moderation: { body: { moderation: { model: 'omni-moderation-latest' } }, expect: refusedEverywhere },
  n: { body: { n: 2 }, expect: refusedEverywhere },
  parallel_tool_calls: {
    body: { tools: [weather], parallel_tool_calls: false },
    expect: {
      openai: options('openai', { parallelToolCalls: false }),
      anthropic: options('anthropic', { disableParallelToolUse: true }),
      google: 'refused',
    },
  },
  prediction: { body: { prediction: { type: 'content', content: 'draft' } }, expect: refusedEverywhere },
  prompt_cache_key: {
    body: { prompt_cache_key: 'k1' },
    expect: { openai: options('openai', { promptCacheKey: 'k1' }), anthropic: 'refused', google: 'refused' },
  },
  prompt_cache_options: {
    body: { prompt_cache_options: { mode: 'explicit' } },
    expect: {
      openai: options('openai', { promptCacheOptions: { mode: 'explicit' } }),
      anthropic: 'refused',
      google: 'refused',
    },
  },
  prompt_cache_retention: {
    body: { prompt_cache_retention: '24h' },
    expect: { openai: options('openai', { promptCacheRetention: '24h' }), anthropic: 'refused', google: 'refused' },
  },
  reasoning_effort: {
    body: { reasoning_effort: 'high' },
    openAIModel: 'gpt-5-mini',
    expect: {
      openai: (call) => expect(call.reasoning).toBe('high'),
      anthropic: (call) => expect(call.reasoning).toBe('high'),
      google: (call) => {
        expect(call.reasoning).toBe('high');
        options('google', { thinkingConfig: { includeThoughts: true } })(call);
      },
    },
  },
  response_format: {
    body: {
      response_format: {
        type: 'json_schema',
        json_schema: {
          name: 'answer',
          schema: { type: 'object', properties: { city: { type: 'string' } } },
          strict: true,
        },
      },
    },
    expect: {
      openai: (call) => {
        expect(call.responseFormat).toMatchObject({ type: 'json', name: 'answer', schema: { type: 'object' } });
        options('openai', { strictJsonSchema: true })(call);
      },
      anthropic: (call) => expect(call.responseFormat).toMatchObject({ type: 'json', schema: { type: 'object' } }),
      google: (call) => expect(call.responseFormat).toMatchObject({ type: 'json', schema: { type: 'object' } }),
    },
  },
  safety_identifier: {
    body: { safety_identifier: 'user-7' },
    expect: {
      openai: options('openai', { safetyIdentifier: 'user-7' }),
      anthropic: options('anthropic', { metadata: { userId: 'user-7' } }),
      google: 'refused',
    },
  },
  seed: {
    body: { seed: 7 },
    expect: { openai: 'refused', anthropic: 'refused', google: (call) => expect(call.seed).toBe(7) },
  },
  service_tier: {
    body: { service_tier: 'flex' },
    openAIModel: 'gpt-5-mini',
    expect: { openai: options('openai', { serviceTier: 'flex' }), anthropic: 'refused', google: 'refused' },
  },
  stop: {
    body: { stop: 'END' },
    expect: {
      openai: 'refused',
      anthropic: (call) => expect(call.stopSequences).toEqual(['END']),
      google: (call) => expect(call.stopSequences).toEqual(['END']),
    },
  },
  store: {
    body: { store: true },
    expect: { openai: options('openai', { store: true }), anthropic: 'refused', google: 'refused' },
  },
  temperature: { body: { temperature: 0.5 }, expect: same((call) => expect(call.temperature).toBe(0.5)) },
  top_p: { body: { top_p: 0.9 }, expect: same((call) => expect(call.topP).toBe(0.9)) },
  tools: { body: { tools: [weather] }, expect: same((call) => expect(call.tools).toEqual([weatherTool])) },
  tool_choice: {
    body: { tools: [weather], tool_choice: 'required' },
    expect: same((call) => expect(call.toolChoice).toEqual({ type: 'required' })),
  },
  user: {
    body: { user: 'user-7' },
    expect: {
      openai: options('openai', { user: 'user-7' }),
      anthropic: options('anthropic', { metadata: { userId: 'user-7' } }),
      google: 'refused',
    },
  },
  verbosity: {
    body: { verbosity: 'low' },
    expect: { openai: options('openai', { textVerbosity: 'low' }), anthropic: 'refused', google: 'refused' },
  },
  web_search_options: { body: { web_search_options: { search_context_size: 'low' } }, expect: refusedEverywhere },
};
