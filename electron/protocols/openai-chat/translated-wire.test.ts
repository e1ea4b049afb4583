// The translated call through the real AI SDK providers to a fake provider on 127.0.0.1: every field accepted for a
// kind reaches that provider's wire request, with no "unsupported" warning (which would mean a dropped setting).
import type { LanguageModelV4StreamPart, SharedV4Warning } from '@ai-sdk/provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../../test/fake-provider';
import type { EndpointKind } from '../../../shared/types/config';
import { createLanguageModel } from '../../providers/language-model';
import { sampleTargets, samples, type SampleKind } from './__fixtures__/request-field-samples';
import { openAIChatCodec } from './index';

let fake: FakeProvider;
beforeAll(async () => {
  fake = await startFakeProvider();
});
afterAll(() => fake.close());

const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const weather = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Weather now',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
};
const toolRoundTrip = [
  { role: 'system', content: 'Be brief.' },
  {
    role: 'user',
    content: [
      { type: 'text', text: 'Weather where this photo was taken?' },
      { type: 'image_url', image_url: { url: `data:image/png;base64,${png}` } },
    ],
  },
  {
    role: 'assistant',
    content: null,
    tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }],
  },
  { role: 'tool', tool_call_id: 'call_1', content: '18°C and sunny' },
];

async function callThrough(kind: EndpointKind, model: string, body: Record<string, unknown>, reply = 'Sunny.') {
  fake.enqueue({ kind: 'text', text: reply });
  const baseURL = `${fake.url}/${kind === 'google' ? 'v1beta' : 'v1'}`;
  const language = createLanguageModel({ endpoint: { id: 'work', kind, baseURL }, model, apiKey: 'key-for-test' });
  const call = openAIChatCodec.translate(
    { model: 'm', messages: toolRoundTrip, ...body },
    { target: `work/${model}`, kind },
  );
  const { stream } = await language.doStream(call);
  const parts: LanguageModelV4StreamPart[] = [];
  for await (const part of stream) parts.push(part);
  const start = parts.find((part) => part.type === 'stream-start') as { warnings: SharedV4Warning[] } | undefined;
  return { wire: fake.requests.at(-1)!.body, warnings: start?.warnings ?? [], parts };
}

const unsupported = (warnings: SharedV4Warning[]) => warnings.filter((warning) => warning.type === 'unsupported');

describe('a translated Chat Completions request on the wire of each provider', () => {
  it("reaches OpenAI's Responses API with tools, images, sampling, structured output and OpenAI's own fields", async () => {
    const { wire, warnings } = await callThrough('openai', 'gpt-4.1-mini', {
      tools: [weather],
      tool_choice: 'auto',
      parallel_tool_calls: false,
      temperature: 0.3,
      top_p: 0.8,
      max_completion_tokens: 200,
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'answer', schema: { type: 'object', properties: {} } },
      },
      user: 'user-7',
      metadata: { team: 'docs' },
      prompt_cache_key: 'k1',
      verbosity: 'low',
    });
    expect(unsupported(warnings)).toEqual([]);
    expect(wire).toMatchObject({
      model: 'gpt-4.1-mini',
      temperature: 0.3,
      top_p: 0.8,
      max_output_tokens: 200,
      parallel_tool_calls: false,
      store: false,
      user: 'user-7',
      metadata: { team: 'docs' },
      prompt_cache_key: 'k1',
      tool_choice: 'auto',
      tools: [{ type: 'function', name: 'get_weather', strict: false }],
      text: { format: { type: 'json_schema', name: 'answer', strict: false }, verbosity: 'low' },
    });
    expect(wire.input).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          role: 'user',
          content: expect.arrayContaining([
            expect.objectContaining({ type: 'input_image', image_url: `data:image/png;base64,${png}` }),
          ]),
        }),
        expect.objectContaining({
          type: 'function_call',
          call_id: 'call_1',
          name: 'get_weather',
          arguments: '{"city":"Paris"}',
        }),
        expect.objectContaining({ type: 'function_call_output', call_id: 'call_1', output: '18°C and sunny' }),
      ]),
    );
  });

  it('reaches OpenAI with reasoning_effort and a service tier on a reasoning model', async () => {
    const { wire, warnings } = await callThrough('openai', 'gpt-5-mini', {
      reasoning_effort: 'low',
      service_tier: 'flex',
    });
    expect(unsupported(warnings)).toEqual([]);
    expect(wire).toMatchObject({ reasoning: { effort: 'low' }, service_tier: 'flex' });
  });

  it('reaches Anthropic with tools, an image, stop sequences, thinking and the user id', async () => {
    const { wire, warnings } = await callThrough('anthropic', 'claude-sonnet-4-5', {
      tools: [weather],
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
      parallel_tool_calls: false,
      stop: ['END'],
      max_tokens: 300,
      safety_identifier: 'user-7',
    });
    expect(unsupported(warnings)).toEqual([]);
    expect(wire).toMatchObject({
      system: [{ type: 'text', text: 'Be brief.' }],
      stop_sequences: ['END'],
      max_tokens: 300,
      metadata: { user_id: 'user-7' },
      tools: [{ name: 'get_weather', input_schema: { type: 'object' } }],
      tool_choice: { type: 'tool', name: 'get_weather', disable_parallel_tool_use: true },
    });
    expect(wire.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Weather where this photo was taken?' },
          { type: 'image', source: { type: 'base64', media_type: 'image/png', data: png } },
        ],
      },
      {
        role: 'assistant',
        content: [{ type: 'tool_use', id: 'call_1', name: 'get_weather', input: { city: 'Paris' } }],
      },
      {
        role: 'user',
        content: [expect.objectContaining({ type: 'tool_result', tool_use_id: 'call_1', content: '18°C and sunny' })],
      },
    ]);
    const thinking = await callThrough('anthropic', 'claude-sonnet-4-5', { reasoning_effort: 'medium' });
    expect(unsupported(thinking.warnings)).toEqual([]);
    expect(thinking.wire.thinking).toMatchObject({ type: expect.stringMatching(/enabled|adaptive/) });
  });

  it('reaches Gemini with tools, an image, audio, sampling, seed, JSON schema and thoughts', async () => {
    const { wire, warnings } = await callThrough('google', 'gemini-3-flash-preview', {
      tools: [weather],
      tool_choice: 'required',
      temperature: 0.2,
      top_p: 0.9,
      stop: 'END',
      seed: 7,
      presence_penalty: 0.5,
      max_tokens: 100,
      reasoning_effort: 'low',
    });
    expect(unsupported(warnings)).toEqual([]);
    expect(wire.systemInstruction).toEqual({ parts: [{ text: 'Be brief.' }] });
    expect(wire.generationConfig).toMatchObject({
      temperature: 0.2,
      topP: 0.9,
      stopSequences: ['END'],
      seed: 7,
      presencePenalty: 0.5,
      maxOutputTokens: 100,
      thinkingConfig: { includeThoughts: true },
    });
    expect(wire.toolConfig).toEqual({ functionCallingConfig: { mode: 'ANY' } });
    expect(wire.contents).toEqual([
      {
        role: 'user',
        parts: [{ text: 'Weather where this photo was taken?' }, { inlineData: { mimeType: 'image/png', data: png } }],
      },
      {
        role: 'model',
        parts: [
          expect.objectContaining({
            functionCall: expect.objectContaining({ name: 'get_weather', args: { city: 'Paris' } }),
          }),
        ],
      },
      {
        role: 'user',
        parts: [expect.objectContaining({ functionResponse: expect.objectContaining({ name: 'get_weather' }) })],
      },
    ]);
    const audio = await callThrough('google', 'gemini-3-flash-preview', {
      messages: [
        { role: 'user', content: [{ type: 'input_audio', input_audio: { data: 'UklGRg==', format: 'wav' } }] },
      ],
    });
    const json = await callThrough('google', 'gemini-3-flash-preview', {
      messages: [{ role: 'user', content: 'A city, as JSON' }],
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'a', schema: { type: 'object', properties: { city: { type: 'string' } } } },
      },
    });
    expect(unsupported(json.warnings)).toEqual([]);
    expect(json.wire.generationConfig).toMatchObject({
      responseMimeType: 'application/json',
      responseJsonSchema: { type: 'object', properties: { city: { type: 'string' } } },
    });
    expect(audio.wire.contents).toEqual([
      { role: 'user', parts: [{ inlineData: { mimeType: 'audio/wav', data: 'UklGRg==' } }] },
    ]);
  });
});

describe('every field a kind translates, through that kind’s real AI SDK provider', () => {
  for (const [field, sample] of Object.entries(samples)) {
    for (const kind of Object.keys(sampleTargets) as SampleKind[]) {
      if (sample.expect[kind] === 'refused') continue;
      it(`${field} → ${kind} raises no "unsupported" warning`, async () => {
        const model =
          kind === 'openai' ? (sample.openAIModel ?? 'gpt-4.1-mini') : sampleTargets[kind].target.split('/')[1]!;
        const { warnings } = await callThrough(kind, model, {
          messages: [{ role: 'user', content: 'Hi' }],
          ...sample.body,
        });
        expect(unsupported(warnings)).toEqual([]);
      });
    }
  }
});
