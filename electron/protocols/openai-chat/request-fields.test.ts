import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UnsupportedFieldError, type TranslatedCall, type TranslationTarget } from '../types';
import { openAIChatCodec } from './index';
import { requestFields } from './request-fields';

const targets = {
  openai: { target: 'work/gpt-5-mini', kind: 'openai' },
  anthropic: { target: 'claude/claude-sonnet-4-5', kind: 'anthropic' },
  google: { target: 'gemini/gemini-3-flash-preview', kind: 'google' },
} satisfies Record<string, TranslationTarget>;
type Kind = keyof typeof targets;

/** The top-level fields of `ChatCompletionCreateParamsBase` in the installed `openai` SDK: OpenAI's own list. */
function openAIRequestFields(): string[] {
  const require = createRequire(import.meta.url);
  const file = join(dirname(require.resolve('openai')), 'resources/chat/completions/completions.d.ts');
  const source = readFileSync(file, 'utf8');
  const start = source.indexOf('export interface ChatCompletionCreateParamsBase {');
  const body = source.slice(start, source.indexOf('\n}', start));
  return [...body.matchAll(/^ {4}([a-z_]+)\??:/gm)].map((match) => match[1]!);
}

const weather = {
  type: 'function',
  function: { name: 'get_weather', description: 'Weather now', parameters: { type: 'object', properties: {} } },
};
const weatherTool = {
  type: 'function',
  name: 'get_weather',
  description: 'Weather now',
  inputSchema: { type: 'object', properties: {} },
};

type Expectation = 'refused' | ((call: TranslatedCall) => void);
const refusedEverywhere = { openai: 'refused', anthropic: 'refused', google: 'refused' } as const;
const same = (check: (call: TranslatedCall) => void) => ({ openai: check, anthropic: check, google: check });
const options = (kind: string, value: Record<string, unknown>) => (call: TranslatedCall) =>
  expect(call.providerOptions?.[kind]).toMatchObject(value);

/** One sample per field: the body it is sent with, and what each kind's call must show (or that it is refused). */
const samples: Record<
  string,
  {
    body: Record<string, unknown>;
    expect: Record<Kind, Expectation>;
    /** The field a refusal names instead. */ refusedAs?: string;
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

const translate = (body: Record<string, unknown>, kind: Kind) =>
  openAIChatCodec.translate({ model: 'm', messages: [{ role: 'user', content: 'Hi' }], ...body }, targets[kind]);

function refusal(run: () => unknown): UnsupportedFieldError {
  try {
    run();
  } catch (error) {
    if (error instanceof UnsupportedFieldError) return error;
    throw error;
  }
  throw new Error('expected a refusal, but the field was translated');
}

describe('every Chat Completions request field, for each translated target kind', () => {
  it("knows every field of OpenAI's own request type, and has a sample for each", () => {
    const official = openAIRequestFields();
    expect(official.length).toBeGreaterThan(30);
    expect(Object.keys(requestFields).sort()).toEqual([...official].sort());
    expect(Object.keys(samples).sort()).toEqual(Object.keys(requestFields).sort());
  });

  for (const [field, sample] of Object.entries(samples)) {
    for (const kind of Object.keys(targets) as Kind[]) {
      const expectation = sample.expect[kind];
      it(`${field} → ${kind}: ${expectation === 'refused' ? 'refused, naming the field' : 'translated'}`, () => {
        if (expectation === 'refused') {
          const error = refusal(() => translate(sample.body, kind));
          expect(error.field).toBe(sample.refusedAs ?? field);
          expect(error.target).toBe(targets[kind].target);
          expect(error.message).toContain(`"${error.field}" cannot be sent to ${targets[kind].target}`);
        } else {
          expectation(translate(sample.body, kind));
        }
      });
    }
  }

  it('refuses a field Chat Completions does not define, by name, and lets null stand for absent', () => {
    expect(refusal(() => translate({ top_k: 5 }, 'anthropic')).field).toBe('top_k');
    expect(translate({ top_k: null, seed: null, stop: null }, 'openai').stopSequences).toBeUndefined();
  });

  it('accepts the values that ask for nothing beyond the default', () => {
    for (const kind of Object.keys(targets) as Kind[]) {
      const call = translate(
        {
          n: 1,
          logprobs: false,
          top_logprobs: 0,
          logit_bias: {},
          modalities: ['text'],
          metadata: {},
          store: false,
          service_tier: 'auto',
          tools: [weather],
          parallel_tool_calls: true,
          response_format: { type: 'text' },
        },
        kind,
      );
      expect(call.responseFormat).toEqual({ type: 'text' });
    }
  });
});

describe('per-target limits the AI SDK would otherwise pass over with a warning', () => {
  it("keeps OpenAI's Responses API from storing a translated call unless asked", () => {
    expect(translate({}, 'openai').providerOptions?.openai).toMatchObject({ store: false });
  });
  it("refuses Anthropic's temperature above 1, temperature with top_p, and sampling while thinking", () => {
    expect(refusal(() => translate({ temperature: 1.5 }, 'anthropic')).field).toBe('temperature');
    expect(refusal(() => translate({ temperature: 0.5, top_p: 0.9 }, 'anthropic')).field).toBe('top_p');
    expect(refusal(() => translate({ temperature: 0.5, reasoning_effort: 'low' }, 'anthropic')).field).toBe(
      'temperature',
    );
    expect(translate({ temperature: 0.5, reasoning_effort: 'none' }, 'anthropic').temperature).toBe(0.5);
  });
  it('refuses a forced tool on Anthropic while it thinks', () => {
    const body = { tools: [weather], tool_choice: 'required', reasoning_effort: 'medium' };
    expect(refusal(() => translate(body, 'anthropic')).field).toBe('tool_choice');
    expect(translate(body, 'openai').toolChoice).toEqual({ type: 'required' });
  });
  it('refuses penalties on Gemini 2.5, which takes none on Google’s API', () => {
    const gemini25 = { target: 'gemini/gemini-2.5-flash', kind: 'google' } as const;
    const body = { model: 'm', messages: [{ role: 'user', content: 'Hi' }], presence_penalty: 1 };
    expect(refusal(() => openAIChatCodec.translate(body, gemini25)).field).toBe('presence_penalty');
  });
  it('refuses json_object on Anthropic, which answers in JSON only to a schema', () => {
    expect(refusal(() => translate({ response_format: { type: 'json_object' } }, 'anthropic')).field).toBe(
      'response_format',
    );
    expect(translate({ response_format: { type: 'json_object' } }, 'google').responseFormat).toEqual({ type: 'json' });
  });
  it('sends json_schema as not strict unless asked, as Chat Completions does', () => {
    const body = { response_format: { type: 'json_schema', json_schema: { name: 'a', schema: { type: 'object' } } } };
    expect(translate(body, 'openai').providerOptions?.openai).toMatchObject({ strictJsonSchema: false });
  });
  it('turns allowed_tools into the allowed subset, and names a missing forced tool', () => {
    const other = { type: 'function', function: { name: 'get_time' } };
    const call = translate(
      {
        tools: [weather, other],
        tool_choice: {
          type: 'allowed_tools',
          allowed_tools: { mode: 'required', tools: [{ type: 'function', function: { name: 'get_time' } }] },
        },
      },
      'google',
    );
    expect(call.tools?.map((tool) => tool.name)).toEqual(['get_time']);
    expect(call.toolChoice).toEqual({ type: 'required' });
    const missing = { tools: [weather], tool_choice: { type: 'function', function: { name: 'nope' } } };
    expect(refusal(() => translate(missing, 'openai')).message).toContain('nope');
  });
  it('refuses custom (free-form) tools and a tool_choice without tools', () => {
    const custom = { tools: [{ type: 'custom', custom: { name: 'grammar' } }] };
    expect(refusal(() => translate(custom, 'openai')).field).toBe('tools[0]');
    expect(refusal(() => translate({ tool_choice: 'auto' }, 'openai')).field).toBe('tool_choice');
  });
  it('keeps a tool without parameters as a function without arguments, and its strict flag', () => {
    const call = translate({ tools: [{ type: 'function', function: { name: 'now', strict: true } }] }, 'google');
    expect(call.tools).toEqual([
      { type: 'function', name: 'now', inputSchema: { type: 'object', properties: {} }, strict: true },
    ]);
  });
});
