import { describe, expect, it } from 'vitest';
import { UnsupportedFieldError, type TranslatedCall, type TranslationTarget } from '../types';
import { requestFields } from './request-fields';
import { translateResponsesRequest } from './translate-request';

const targets = {
  chat: { target: 'local/llama3.2', kind: 'openai-compatible' },
  anthropic: { target: 'claude/claude-sonnet-4-5', kind: 'anthropic' },
  google: { target: 'gemini/gemini-2.5-flash', kind: 'google' },
} satisfies Record<string, TranslationTarget>;
type Family = keyof typeof targets;

const base = { model: 'm', input: 'Hi' };
const weatherTool = {
  type: 'function',
  name: 'weather',
  parameters: { type: 'object', properties: {} },
  strict: false,
};
const baseline = (family: Family) => translateResponsesRequest(base, targets[family]);

/** What a field does on one family: refused (naming this field), no effect on the call, or this check. */
type Outcome = 'refused' | 'no effect' | ((call: TranslatedCall) => void);
interface Row {
  field: string;
  value: unknown;
  /** The refused path when it is deeper than the field (`include[0]`). */
  refusedAs?: string;
  /** Extra request fields the value needs (tools for a tool_choice). */
  with?: Record<string, unknown>;
  outcomes: Record<Family, Outcome>;
}
const all = (outcome: Outcome): Record<Family, Outcome> => ({ chat: outcome, anthropic: outcome, google: outcome });

/** Every request field, each with a value that exercises it; some twice (a default and a real setting). */
const rows: Row[] = [
  { field: 'model', value: 'anything', outcomes: all('no effect') },
  {
    field: 'input',
    value: [{ role: 'user', content: 'Hello' }],
    outcomes: all((call) =>
      expect(call.prompt).toEqual([{ role: 'user', content: [{ type: 'text', text: 'Hello' }] }]),
    ),
  },
  {
    field: 'instructions',
    value: 'Be brief.',
    outcomes: all((call) => expect(call.prompt[0]).toEqual({ role: 'system', content: 'Be brief.' })),
  },
  {
    field: 'tools',
    value: [weatherTool],
    outcomes: all((call) =>
      expect(call.tools).toEqual([
        { type: 'function', name: 'weather', inputSchema: weatherTool.parameters, strict: false },
      ]),
    ),
  },
  { field: 'tools', value: [{ type: 'web_search' }], refusedAs: 'tools[0].type', outcomes: all('refused') },
  {
    field: 'tool_choice',
    value: { type: 'function', name: 'weather' },
    with: { tools: [weatherTool] },
    outcomes: all((call) => expect(call.toolChoice).toEqual({ type: 'tool', toolName: 'weather' })),
  },
  { field: 'stream', value: true, outcomes: all('no effect') },
  { field: 'stream_options', value: { include_obfuscation: false }, outcomes: all('no effect') },
  { field: 'parallel_tool_calls', value: true, outcomes: all('no effect') },
  {
    field: 'parallel_tool_calls',
    value: false,
    outcomes: {
      chat: (call) => expect(call.providerOptions).toEqual({ local: { parallel_tool_calls: false } }),
      anthropic: (call) => expect(call.providerOptions).toEqual({ anthropic: { disableParallelToolUse: true } }),
      google: 'refused',
    },
  },
  {
    field: 'text',
    value: { format: { type: 'json_schema', name: 'city', schema: { type: 'object' }, strict: true } },
    outcomes: {
      chat: (call) => {
        expect(call.providerOptions).toEqual({
          local: {
            response_format: {
              type: 'json_schema',
              json_schema: { name: 'city', schema: { type: 'object' }, strict: true },
            },
          },
        });
      },
      anthropic: (call) =>
        expect(call.responseFormat).toEqual({ type: 'json', name: 'city', schema: { type: 'object' } }),
      google: (call) => expect(call.responseFormat).toEqual({ type: 'json', name: 'city', schema: { type: 'object' } }),
    },
  },
  {
    field: 'text',
    value: { format: { type: 'json_object' } },
    refusedAs: 'text.format.type',
    outcomes: {
      chat: (call) => expect(call.responseFormat).toEqual({ type: 'json' }),
      anthropic: 'refused',
      google: (call) => expect(call.responseFormat).toEqual({ type: 'json' }),
    },
  },
  { field: 'text', value: { format: { type: 'text' } }, outcomes: all('no effect') },
  {
    field: 'text',
    value: { verbosity: 'low' },
    refusedAs: 'text.verbosity',
    outcomes: {
      chat: (call) => expect(call.providerOptions).toEqual({ local: { textVerbosity: 'low' } }),
      anthropic: 'refused',
      google: 'refused',
    },
  },
  {
    field: 'reasoning',
    value: { effort: 'high', summary: 'auto' },
    outcomes: all((call) => expect(call.reasoning).toBe('high')),
  },
  { field: 'reasoning', value: { mode: 'fast' }, refusedAs: 'reasoning.mode', outcomes: all('refused') },
  { field: 'max_output_tokens', value: 256, outcomes: all((call) => expect(call.maxOutputTokens).toBe(256)) },
  { field: 'max_tool_calls', value: 3, outcomes: all('no effect') },
  { field: 'temperature', value: 0.3, outcomes: all((call) => expect(call.temperature).toBe(0.3)) },
  { field: 'top_p', value: 0.9, outcomes: all((call) => expect(call.topP).toBe(0.9)) },
  {
    field: 'top_p',
    value: 0.9,
    with: { temperature: 0.5 },
    outcomes: {
      chat: (call) => expect([call.temperature, call.topP]).toEqual([0.5, 0.9]),
      anthropic: 'refused',
      google: (call) => expect([call.temperature, call.topP]).toEqual([0.5, 0.9]),
    },
  },
  { field: 'top_logprobs', value: 0, outcomes: all('no effect') },
  { field: 'top_logprobs', value: 5, outcomes: all('refused') },
  { field: 'store', value: true, outcomes: all('no effect') },
  { field: 'store', value: false, outcomes: all('no effect') },
  { field: 'background', value: false, outcomes: all('no effect') },
  { field: 'background', value: true, outcomes: all('refused') },
  { field: 'include', value: ['reasoning.encrypted_content'], outcomes: all('no effect') },
  { field: 'include', value: ['message.output_text.logprobs'], refusedAs: 'include[0]', outcomes: all('refused') },
  { field: 'metadata', value: { ticket: '42' }, outcomes: all('no effect') },
  {
    field: 'user',
    value: 'user-1',
    outcomes: {
      chat: (call) => expect(call.providerOptions).toEqual({ local: { user: 'user-1' } }),
      anthropic: (call) => expect(call.providerOptions).toEqual({ anthropic: { metadata: { userId: 'user-1' } } }),
      google: 'refused',
    },
  },
  {
    field: 'safety_identifier',
    value: 'hash-1',
    outcomes: {
      chat: (call) => expect(call.providerOptions).toEqual({ local: { safety_identifier: 'hash-1' } }),
      anthropic: (call) => expect(call.providerOptions).toEqual({ anthropic: { metadata: { userId: 'hash-1' } } }),
      google: 'refused',
    },
  },
  { field: 'prompt_cache_key', value: 'conversation-7', outcomes: all('no effect') },
  { field: 'service_tier', value: 'auto', outcomes: all('no effect') },
  {
    field: 'service_tier',
    value: 'flex',
    outcomes: {
      chat: (call) => expect(call.providerOptions).toEqual({ local: { service_tier: 'flex' } }),
      anthropic: 'refused',
      google: 'refused',
    },
  },
  { field: 'truncation', value: 'disabled', outcomes: all('no effect') },
  { field: 'truncation', value: 'auto', outcomes: all('refused') },
  { field: 'previous_response_id', value: 'resp_1', outcomes: all('refused') },
  { field: 'conversation', value: 'conv_1', outcomes: all('refused') },
  { field: 'prompt', value: { id: 'pmpt_1' }, outcomes: all('refused') },
  { field: 'prompt_cache_retention', value: '24h', outcomes: all('refused') },
  { field: 'prompt_cache_options', value: { mode: 'explicit' }, outcomes: all('refused') },
  { field: 'context_management', value: [{ type: 'compaction' }], outcomes: all('refused') },
  { field: 'moderation', value: { mode: 'block' }, outcomes: all('refused') },
  // Fields Switchboard has no rule for are refused by name, never dropped.
  { field: 'image', value: { size: '1024x1024' }, outcomes: all('refused') },
  { field: 'access_programs', value: { enabled: true }, outcomes: all('refused') },
  { field: 'a_field_from_next_year', value: 1, outcomes: all('refused') },
];

/** The request fields of `POST /v1/responses` as the `openai` SDK (7.57) types them. */
const sdkFields = [
  'access_programs',
  'background',
  'context_management',
  'conversation',
  'image',
  'include',
  'input',
  'instructions',
  'max_output_tokens',
  'max_tool_calls',
  'metadata',
  'model',
  'moderation',
  'parallel_tool_calls',
  'previous_response_id',
  'prompt',
  'prompt_cache_key',
  'prompt_cache_options',
  'prompt_cache_retention',
  'reasoning',
  'safety_identifier',
  'service_tier',
  'store',
  'stream',
  'stream_options',
  'temperature',
  'text',
  'tool_choice',
  'tools',
  'top_logprobs',
  'top_p',
  'truncation',
  'user',
];

describe('every Responses request field on a translated target', () => {
  it('has a row here for every field the SDK knows and every rule the codec has', () => {
    const covered = new Set(rows.map((row) => row.field));
    expect(sdkFields.filter((field) => !covered.has(field))).toEqual([]);
    expect(Object.keys(requestFields).filter((field) => !covered.has(field))).toEqual([]);
  });

  it('never translates for an OpenAI target: Responses pass through to it', () => {
    expect(() => translateResponsesRequest(base, { target: 'oai/gpt-5', kind: 'openai' })).toThrow(/passes through/);
  });

  for (const row of rows) {
    for (const family of Object.keys(targets) as Family[]) {
      const outcome = row.outcomes[family];
      const label = typeof outcome === 'string' ? outcome : 'translated';
      it(`${row.field} = ${JSON.stringify(row.value)} on ${family}: ${label}`, () => {
        const body = { ...base, ...row.with, [row.field]: row.value };
        const translate = () => translateResponsesRequest(body, targets[family]);
        if (outcome === 'refused') {
          expect(translate).toThrow(UnsupportedFieldError);
          const error = (() => {
            try {
              translate();
            } catch (caught) {
              return caught as UnsupportedFieldError;
            }
          })()!;
          expect(error.field).toBe(row.refusedAs ?? row.field);
          expect(error.target).toBe(targets[family].target);
          expect(error.message).toContain(
            `"${row.refusedAs ?? row.field}" cannot be sent to ${targets[family].target}`,
          );
        } else if (outcome === 'no effect') {
          expect(translate()).toEqual(baseline(family));
        } else {
          outcome(translate());
        }
      });
    }
  }
});
