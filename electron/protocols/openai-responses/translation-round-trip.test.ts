// Translated Responses calls through the real AI SDK providers, against fake providers replaying real captures:
// what each provider is sent, and what the client gets back, turn after turn as a stateless client sends them.
import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EndpointKind } from '../../../shared/types/config';
import { loadCapture, loadExpected, startFakeProvider, type FakeProvider } from '../../../test/fake-provider';
import { parseResponseEvents, responseEventErrors, type ResponseEvent } from '../../../test/integration/responses-spec';
import { createLanguageModel } from '../../providers/language-model';
import { openAIResponsesCodec } from './index';

let fake: FakeProvider;
beforeAll(async () => {
  fake = await startFakeProvider();
});
afterAll(async () => {
  await fake?.close();
});

const baseURLs: Partial<Record<EndpointKind, string>> = { google: '/v1beta' };
const expected = loadExpected();

/** One translated turn: the provider's request, the client's events, and the final `Response`. */
async function turn(kind: EndpointKind, model: string, body: Record<string, unknown>, capture?: string) {
  fake.enqueue(capture ? { kind: 'replay', chunks: loadCapture(capture) } : { kind: 'text', text: 'OK.' });
  const endpoint = { id: 'ep', kind, baseURL: `${fake.url}${baseURLs[kind] ?? '/v1'}` };
  const call = openAIResponsesCodec.translate(body, { target: `ep/${model}`, kind });
  const { stream } = await createLanguageModel({ endpoint, model, apiKey: 'test-key' }).doStream(call);
  const parts: LanguageModelV4StreamPart[] = [];
  for await (const part of stream) parts.push(part);
  // The gateway refuses a call whose provider says it would drop a setting: a translation must cause none.
  const start = parts.find((part) => part.type === 'stream-start');
  const warnings = start?.type === 'stream-start' ? start.warnings : [];
  expect(warnings.filter((warning) => warning.type === 'unsupported')).toEqual([]);
  const encoder = openAIResponsesCodec.createStreamEncoder({ id: 'resp_t', model: `ep/${model}`, created: 1 }, body);
  const events = parseResponseEvents(parts.map((part) => encoder.write(part)).join(''));
  for (const event of events) expect(responseEventErrors(event), event.type).toEqual([]);
  return { sent: fake.requests.at(-1)!.body, events, response: events.at(-1)!.response };
}

/** The output items as Codex keeps them for the next turn (it never sends item ids back with store: false). */
const asNextInput = (output: Record<string, unknown>[]) => output.map(({ id: _id, status: _status, ...item }) => item);
const user = (text: string) => ({ type: 'message', role: 'user', content: [{ type: 'input_text', text }] });
const textOf = (events: ResponseEvent[], type: string) =>
  events
    .filter((event) => event.type === type)
    .map((event) => event.delta)
    .join('');

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

describe('every translated field at once', () => {
  const tools = [
    {
      type: 'function',
      name: 'lookup',
      description: 'Looks up',
      parameters: { type: 'object', properties: { q: { type: 'string' } } },
      strict: true,
    },
  ];
  const everything = {
    model: 'x',
    instructions: 'Be brief.',
    input: [user('Look it up.')],
    tools,
    tool_choice: 'auto',
    text: {
      format: {
        type: 'json_schema',
        name: 'answer',
        schema: { type: 'object', properties: { a: { type: 'string' } }, required: ['a'], additionalProperties: false },
      },
    },
    max_output_tokens: 2048,
    temperature: 0.4,
    top_p: 0.9,
    store: false,
    stream: true,
    include: ['reasoning.encrypted_content'],
    metadata: { ticket: '1' },
    prompt_cache_key: 'conversation-1',
    service_tier: 'auto',
    truncation: 'disabled',
    max_tool_calls: 4,
    top_logprobs: 0,
    background: false,
    stream_options: { include_obfuscation: false },
  };
  const cases: Array<[EndpointKind, string, Record<string, unknown>]> = [
    [
      'openai-compatible',
      'llama3.2',
      {
        parallel_tool_calls: false,
        user: 'u',
        safety_identifier: 's',
        reasoning: { effort: 'low', summary: 'auto' },
        text: { ...everything.text, verbosity: 'low' },
      },
    ],
    [
      'anthropic',
      'claude-sonnet-4-5',
      { parallel_tool_calls: false, user: 'u', safety_identifier: 'u', top_p: undefined },
    ],
    ['google', 'gemini-2.5-flash', { reasoning: { effort: 'low', summary: 'auto' } }],
  ];
  it.each(cases)('reach %s with no setting its provider would drop', async (kind, model, extra) => {
    const { sent } = await turn(kind, model, { ...everything, ...extra });
    expect(JSON.stringify(sent)).toContain('Be brief.');
    expect(JSON.stringify(sent)).toContain('lookup');
  });
});

describe('a request as Codex sends it', () => {
  // The shape of Codex CLI's requests (codex-rs): developer and context messages first, a reasoning item
  // from an earlier OpenAI turn, a shell call and its output, stateless with encrypted reasoning included.
  const shell = {
    type: 'function',
    name: 'shell',
    description: 'Runs a shell command and returns its output.',
    strict: false,
    parameters: {
      type: 'object',
      properties: {
        command: { type: 'array', items: { type: 'string' } },
        workdir: { type: 'string' },
        timeout_ms: { type: 'number' },
      },
      required: ['command'],
      additionalProperties: false,
    },
  };
  const codex = {
    model: 'claude',
    instructions: 'You are a coding agent running in the Codex CLI.',
    input: [
      {
        type: 'message',
        role: 'developer',
        content: [{ type: 'input_text', text: '<permissions>workspace-write</permissions>' }],
      },
      {
        type: 'message',
        role: 'user',
        content: [{ type: 'input_text', text: '<environment_context><cwd>/repo</cwd></environment_context>' }],
      },
      user('List the files.'),
      {
        type: 'reasoning',
        summary: [{ type: 'summary_text', text: '**Listing files**' }],
        content: null,
        encrypted_content: 'gAAAAABoOpenAI',
      },
      { type: 'function_call', name: 'shell', arguments: '{"command":["ls"]}', call_id: 'call_abc' },
      { type: 'function_call_output', call_id: 'call_abc', output: '{"output":"a.txt\\n","metadata":{"exit_code":0}}' },
    ],
    tools: [shell],
    tool_choice: 'auto',
    parallel_tool_calls: false,
    reasoning: { effort: 'medium', summary: 'auto' },
    store: false,
    stream: true,
    include: ['reasoning.encrypted_content'],
    prompt_cache_key: '0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  };

  it.each([
    ['anthropic', 'claude-sonnet-4-5'],
    ['openai-compatible', 'qwen3-coder'],
    ['google', 'gemini-2.5-pro'],
  ] as Array<[EndpointKind, string]>)('reaches %s whole and answers in Responses events', async (kind, model) => {
    // Gemini cannot hold a turn to one call: there, a Codex model family that allows parallel calls.
    const body = kind === 'google' ? { ...codex, parallel_tool_calls: true } : codex;
    const { sent, events } = await turn(kind, model, body);
    const wire = JSON.stringify(sent);
    for (const text of ['Codex CLI', 'workspace-write', '/repo', 'List the files.', 'a.txt', 'shell']) {
      expect(wire).toContain(text);
    }
    expect(events.at(-1)!.type).toBe('response.completed');
  });
});
