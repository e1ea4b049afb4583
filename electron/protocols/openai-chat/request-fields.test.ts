import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UnsupportedFieldError } from '../types';
import { sampleTargets, samples, weather, type SampleKind } from './__fixtures__/request-field-samples';
import { openAIChatCodec } from './index';
import { requestFields } from './request-fields';

const targets = sampleTargets;
type Kind = SampleKind;

/** The top-level fields of `ChatCompletionCreateParamsBase` in the installed `openai` SDK: OpenAI's own list. */
function openAIRequestFields(): string[] {
  const require = createRequire(import.meta.url);
  const file = join(dirname(require.resolve('openai')), 'resources/chat/completions/completions.d.ts');
  const source = readFileSync(file, 'utf8');
  const start = source.indexOf('export interface ChatCompletionCreateParamsBase {');
  const body = source.slice(start, source.indexOf('\n}', start));
  return [...body.matchAll(/^ {4}([a-z_]+)\??:/gm)].map((match) => match[1]!);
}

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
  it('refuses a response format type Chat Completions does not define', () => {
    const error = refusal(() => translate({ response_format: { type: 'structural_tag' } }, 'google'));
    expect(error.field).toBe('response_format');
    expect(error.message).toContain('structural_tag');
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
