// Translated Responses calls through the real AI SDK providers, against fake providers replaying real captures:
// what each provider is sent, and what the client gets back, turn after turn as a stateless client sends them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EndpointKind } from '../../../shared/types/config';
import { loadCapture, loadExpected, startFakeProvider, type FakeProvider } from '../../../test/fake-provider';
import { asNextInput, deltasOf, translatedTurn, userItem as user } from '../../../test/integration/translated-turn';

let fake: FakeProvider;
beforeAll(async () => {
  fake = await startFakeProvider();
});
afterAll(async () => {
  await fake?.close();
});

const turn = (kind: EndpointKind, model: string, body: Record<string, unknown>, capture?: string) =>
  translatedTurn(fake, kind, model, body, capture);
const expected = loadExpected();
const textOf = deltasOf;

describe('Anthropic, translated', () => {
  it('streams thinking as the summary, and sends it back next turn with its signature', async () => {
    const capture = 'anthropic/anthropic-clear-thinking.1.chunks.txt';
    const want = expected[capture]!;
    const first = {
      model: 'claude',
      input: [user('What is 925 / 5?')],
      reasoning: { effort: 'low', summary: 'auto' },
      include: ['reasoning.encrypted_content'],
      store: false,
      stream: true,
    };
    const one = await turn('anthropic', 'claude-sonnet-4-5', first, capture);
    expect(one.sent.thinking).toBeDefined();
    expect(textOf(one.events, 'response.reasoning_summary_text.delta')).toBe(want.reasoning);
    expect(textOf(one.events, 'response.output_text.delta')).toBe(want.text);
    expect(one.response.usage).toMatchObject({
      input_tokens: want.usage!.inputTokens,
      output_tokens: want.usage!.outputTokens,
    });

    const two = await turn('anthropic', 'claude-sonnet-4-5', {
      ...first,
      input: [...first.input, ...asNextInput(one.response.output), user('And times 2?')],
    });
    const signatureLine = loadCapture(capture).find((line) => line.includes('signature_delta'))!;
    const signature = JSON.parse(signatureLine).delta.signature;
    expect(two.sent.messages[1]).toEqual({
      role: 'assistant',
      content: [
        { type: 'thinking', thinking: want.reasoning, signature },
        { type: 'text', text: want.text },
      ],
    });
  });

  it('returns a tool_use as a function_call, and its output next turn as a tool_result', async () => {
    const capture = 'anthropic/anthropic-tool-no-args.chunks.txt';
    const tools = [
      { type: 'function', name: 'updateIssueList', parameters: { type: 'object', properties: {} }, strict: false },
    ];
    const first = {
      model: 'claude',
      input: [user('Update the issues.')],
      tools,
      parallel_tool_calls: false,
      stream: true,
    };
    const one = await turn('anthropic', 'claude-sonnet-4-5', first, capture);
    expect(one.sent.tools).toEqual([
      expect.objectContaining({ name: 'updateIssueList', input_schema: tools[0]!.parameters }),
    ]);
    expect(one.sent.tool_choice).toEqual({ type: 'auto', disable_parallel_tool_use: true });
    const call = one.response.output.find((item: { type: string }) => item.type === 'function_call');
    expect(call).toMatchObject({ call_id: 'toolu_01QE1WLsSVp5hy5Q3GmGTmjP', name: 'updateIssueList', arguments: '{}' });
    expect(one.events.at(-1)!.type).toBe('response.completed');

    const two = await turn('anthropic', 'claude-sonnet-4-5', {
      ...first,
      input: [
        ...first.input,
        ...asNextInput(one.response.output),
        { type: 'function_call_output', call_id: call.call_id, output: 'Updated 3 issues.' },
      ],
    });
    expect(two.sent.messages.slice(1)).toEqual([
      {
        role: 'assistant',
        content: [
          { type: 'text', text: "I'll update the issue list for you." },
          { type: 'tool_use', id: call.call_id, name: 'updateIssueList', input: {} },
        ],
      },
      {
        role: 'user',
        content: [{ type: 'tool_result', tool_use_id: call.call_id, content: 'Updated 3 issues.' }],
      },
    ]);
  });

  it('sends a JSON schema as structured output, and images as image blocks', async () => {
    const pixel = 'iVBORw0KGgo=';
    const body = {
      model: 'claude',
      input: [
        {
          role: 'user',
          content: [
            { type: 'input_text', text: 'Which city?' },
            { type: 'input_image', image_url: `data:image/png;base64,${pixel}`, detail: 'auto' },
            { type: 'input_image', image_url: 'https://example.com/paris.jpg', detail: 'auto' },
          ],
        },
      ],
      text: {
        format: {
          type: 'json_schema',
          name: 'city',
          schema: {
            type: 'object',
            properties: { name: { type: 'string' } },
            required: ['name'],
            additionalProperties: false,
          },
        },
      },
    };
    const { sent } = await turn('anthropic', 'claude-sonnet-4-5', body);
    expect(sent.messages[0].content.slice(1)).toEqual([
      { type: 'image', source: { type: 'base64', media_type: 'image/png', data: pixel } },
      { type: 'image', source: { type: 'url', url: 'https://example.com/paris.jpg' } },
    ]);
    expect(JSON.stringify(sent)).toContain('"required":["name"]');
  });
});

describe('Chat Completions (OpenAI-compatible), translated', () => {
  it('returns streamed tool calls as function_calls with the capture’s usage, and sends the round trip back', async () => {
    const capture = 'openai-compatible/deepseek-tool-call.chunks.txt';
    const want = expected[capture]!;
    const tools = [
      {
        type: 'function',
        name: 'weather',
        parameters: { type: 'object', properties: { location: { type: 'string' } } },
      },
    ];
    const first = {
      model: 'deepseek',
      input: [user('Weather in San Francisco?')],
      tools,
      reasoning: { effort: 'high', summary: 'detailed' },
      parallel_tool_calls: false,
      stream: true,
    };
    const one = await turn('openai-compatible', 'deepseek-reasoner', first, capture);
    expect(one.sent).toMatchObject({ reasoning_effort: 'high', parallel_tool_calls: false });
    expect(textOf(one.events, 'response.reasoning_summary_text.delta')).toBe(want.reasoning);
    expect(one.response.usage).toEqual({
      input_tokens: want.usage!.inputTokens,
      input_tokens_details: { cached_tokens: want.usage!.cacheReadTokens, cache_write_tokens: 0 },
      output_tokens: want.usage!.outputTokens,
      output_tokens_details: { reasoning_tokens: want.usage!.reasoningTokens },
      total_tokens: want.usage!.inputTokens + want.usage!.outputTokens,
    });
    const call = one.response.output.find((item: { type: string }) => item.type === 'function_call');
    expect(JSON.parse(call.arguments)).toEqual({ location: 'San Francisco' });

    const two = await turn('openai-compatible', 'deepseek-reasoner', {
      ...first,
      input: [
        ...first.input,
        ...asNextInput(one.response.output),
        { type: 'function_call_output', call_id: call.call_id, output: '18°C' },
      ],
    });
    expect(two.sent.messages.slice(1)).toEqual([
      {
        role: 'assistant',
        content: null,
        // DeepSeek wants its reasoning back within a tool loop: the summary carries it.
        reasoning_content: want.reasoning,
        tool_calls: [
          {
            id: call.call_id,
            type: 'function',
            // The same arguments, spaced as the AI SDK writes JSON.
            function: { name: 'weather', arguments: JSON.stringify(JSON.parse(call.arguments)) },
          },
        ],
      },
      { role: 'tool', tool_call_id: call.call_id, content: '18°C' },
    ]);
  });

  it('sends json_schema strictness, verbosity and the user as Chat Completions fields', async () => {
    const { sent } = await turn('openai-compatible', 'gpt-4o-mini', {
      model: 'x',
      input: 'Name a city.',
      text: {
        format: { type: 'json_schema', name: 'city', schema: { type: 'object' }, strict: true },
        verbosity: 'low',
      },
      user: 'user-7',
      max_output_tokens: 50,
      temperature: 0.2,
      top_p: 0.5,
    });
    expect(sent).toMatchObject({
      response_format: { type: 'json_schema', json_schema: { name: 'city', schema: { type: 'object' }, strict: true } },
      verbosity: 'low',
      user: 'user-7',
      max_tokens: 50,
      temperature: 0.2,
      top_p: 0.5,
    });
  });
});

describe('Gemini, translated', () => {
  it('returns a function call with its usage, and sends the function response back by name', async () => {
    const capture = 'google/google-tool-call.chunks.txt';
    const want = expected[capture]!;
    const tools = [
      {
        type: 'function',
        name: 'weather',
        parameters: { type: 'object', properties: { location: { type: 'string' } } },
      },
    ];
    const first = { model: 'gemini', input: [user('Weather in San Francisco?')], tools, stream: true };
    const one = await turn('google', 'gemini-3-pro-preview', first, capture);
    const call = one.response.output.find((item: { type: string }) => item.type === 'function_call');
    expect(call).toMatchObject({ name: 'weather', arguments: '{"location":"San Francisco"}' });
    expect(one.response.usage).toMatchObject({
      input_tokens: want.usage!.inputTokens,
      output_tokens: want.usage!.outputTokens,
      output_tokens_details: { reasoning_tokens: want.usage!.reasoningTokens },
    });

    const two = await turn('google', 'gemini-3-pro-preview', {
      ...first,
      input: [
        ...first.input,
        ...asNextInput(one.response.output),
        { type: 'function_call_output', call_id: call.call_id, output: 'Sunny' },
      ],
    });
    const contents = two.sent.contents as Array<{ role: string; parts: Array<Record<string, unknown>> }>;
    // Gemini 3's thought signature on a call is not carried across turns: the AI SDK sends Google's
    // documented stand-in instead (a known limit, in the README).
    expect(contents[1]!.parts[0]).toMatchObject({
      functionCall: { name: 'weather', args: { location: 'San Francisco' } },
      thoughtSignature: 'skip_thought_signature_validator',
    });
    expect(contents[2]!.parts[0]).toMatchObject({ functionResponse: { name: 'weather' } });
  });
});
