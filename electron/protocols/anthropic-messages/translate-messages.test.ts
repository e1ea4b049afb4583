// The content of a Messages request (system, turns, blocks, tools, thinking) in the AI SDK's neutral
// prompt, and on the wire of each target's real AI SDK provider.
import { describe, expect, it } from 'vitest';
import type { EndpointKind } from '../../../shared/types/config';
import { sentToProvider } from '../../../test/integration/sent-to-provider';
import { UnsupportedFieldError, type TranslationTarget } from '../types';
import { encodeSignature } from './reasoning-signature';
import { effortForBudget } from './translate-reasoning';
import { translateMessagesRequest } from './translate-request';

const targets = {
  openai: { target: 'oa/gpt-5', kind: 'openai' },
  chat: { target: 'local/llama3.2', kind: 'openai-compatible' },
  google: { target: 'gem/gemini-2.5-flash', kind: 'google' },
} satisfies Record<string, TranslationTarget>;
type Family = keyof typeof targets;

const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Page >> endobj\n%%EOF').toString('base64');

const request = (messages: unknown[], extra: Record<string, unknown> = {}) => ({
  model: 'route',
  max_tokens: 1000,
  messages,
  ...extra,
});
const user = (...content: unknown[]) => ({
  role: 'user',
  content: content.length === 1 && typeof content[0] === 'string' ? content[0] : content,
});
const translate = (body: Record<string, unknown>, family: Family) => translateMessagesRequest(body, targets[family]);

async function wire(body: Record<string, unknown>, family: Family) {
  const target = targets[family];
  const sent = await sentToProvider(translate(body, family), target.target, target.kind as EndpointKind);
  expect(sent.warnings.filter((warning) => warning.type === 'unsupported' || warning.type === 'other')).toEqual([]);
  return sent.body;
}

function refusedField(body: Record<string, unknown>, family: Family): string {
  try {
    translate(body, family);
  } catch (error) {
    if (error instanceof UnsupportedFieldError) return error.field;
    throw error;
  }
  throw new Error(`expected a refusal for ${family}`);
}

const weatherTurns = (result: unknown) => [
  user({ type: 'text', text: 'Weather in Paris?' }),
  {
    role: 'assistant',
    content: [
      { type: 'text', text: 'Checking.' },
      { type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: { city: 'Paris' } },
    ],
  },
  user(result, { type: 'text', text: 'And tomorrow?' }),
];
const weatherTool = { name: 'get_weather', input_schema: { type: 'object', properties: { city: { type: 'string' } } } };

describe('system text', () => {
  it('becomes one system message per text block, before the turns', () => {
    const call = translate(
      request([user({ type: 'text', text: 'Hi' })], {
        system: [
          { type: 'text', text: 'Be brief.' },
          { type: 'text', text: 'Answer in French.' },
        ],
      }),
      'chat',
    );
    expect(call.prompt.slice(0, 2)).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'system', content: 'Answer in French.' },
    ]);
  });

  it('refuses cache breakpoints and citations anywhere, naming the block', () => {
    const cached = { type: 'text', text: 'Long rules', cache_control: { type: 'ephemeral' } };
    expect(refusedField(request([user('Hi')], { system: [cached] }), 'openai')).toBe('system.0.cache_control');
    expect(refusedField(request([user({ type: 'text', text: 'x' }, cached)]), 'google')).toBe(
      'messages.0.content.1.cache_control',
    );
    const cited = { type: 'text', text: 'x', citations: [{ type: 'char_location', cited_text: 'x' }] };
    expect(refusedField(request([user(cited)]), 'chat')).toBe('messages.0.content.0.citations');
  });

  it('takes a system turn among the messages where the target allows one there', () => {
    const body = request([
      user('Hi'),
      { role: 'assistant', content: 'Hello.' },
      { role: 'system', content: 'Now be terse.' },
      user('Go'),
    ]);
    expect(translate(body, 'chat').prompt[2]).toEqual({ role: 'system', content: 'Now be terse.' });
    expect(refusedField(body, 'google')).toBe('messages.2');
  });
});

describe('images', () => {
  const base64Image = { type: 'image', source: { type: 'base64', media_type: 'image/png', data: png } };
  const urlImage = { type: 'image', source: { type: 'url', url: 'https://example.com/cat.png' } };

  it('sends a base64 image as each target takes images', async () => {
    const body = request([user({ type: 'text', text: 'What is this?' }, base64Image)]);
    expect(translate(body, 'chat').prompt[0]).toEqual({
      role: 'user',
      content: [
        { type: 'text', text: 'What is this?' },
        { type: 'file', mediaType: 'image/png', data: { type: 'data', data: png } },
      ],
    });
    expect(await wire(body, 'openai')).toMatchObject({
      input: [{ content: [{}, { type: 'input_image', image_url: `data:image/png;base64,${png}` }] }],
    });
    expect(await wire(body, 'chat')).toMatchObject({
      messages: [{ content: [{}, { type: 'image_url', image_url: { url: `data:image/png;base64,${png}` } }] }],
    });
    expect(await wire(body, 'google')).toMatchObject({
      contents: [{ parts: [{}, { inlineData: { mimeType: 'image/png', data: png } }] }],
    });
  });

  it('sends an https image by URL, which each target fetches itself', async () => {
    const body = request([user(urlImage)]);
    expect(await wire(body, 'openai')).toMatchObject({
      input: [{ content: [{ type: 'input_image', image_url: 'https://example.com/cat.png' }] }],
    });
    expect(await wire(body, 'chat')).toMatchObject({
      messages: [{ content: [{ type: 'image_url', image_url: { url: 'https://example.com/cat.png' } }] }],
    });
    expect(await wire(body, 'google')).toMatchObject({
      contents: [{ parts: [{ fileData: { mimeType: 'image/png', fileUri: 'https://example.com/cat.png' } }] }],
    });
  });

  it('refuses what a target cannot fetch, and files that live at Anthropic', () => {
    const noExtension = { type: 'image', source: { type: 'url', url: 'https://example.com/image?id=3' } };
    expect(refusedField(request([user(noExtension)]), 'google')).toBe('messages.0.content.0.source.url');
    expect(() => translate(request([user(noExtension)]), 'chat')).not.toThrow();
    const plainHttp = { type: 'image', source: { type: 'url', url: 'http://example.com/cat.png' } };
    expect(refusedField(request([user(plainHttp)]), 'google')).toBe('messages.0.content.0.source.url');
    const uploaded = { type: 'image', source: { type: 'file', file_id: 'file_1' } };
    expect(refusedField(request([user(uploaded)]), 'openai')).toBe('messages.0.content.0.source');
    const resized = { ...base64Image, transformations: { oversized_image: 'error' } };
    expect(refusedField(request([user(resized)]), 'openai')).toBe('messages.0.content.0.transformations');
  });
});

describe('documents', () => {
  it('sends a base64 PDF as a file each target reads', async () => {
    const body = request([
      user({ type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: pdf } }),
    ]);
    expect(await wire(body, 'openai')).toMatchObject({
      input: [{ content: [{ type: 'input_file', file_data: `data:application/pdf;base64,${pdf}` }] }],
    });
    expect(await wire(body, 'chat')).toMatchObject({
      messages: [{ content: [{ type: 'file', file: { file_data: `data:application/pdf;base64,${pdf}` } }] }],
    });
    expect(await wire(body, 'google')).toMatchObject({
      contents: [{ parts: [{ inlineData: { mimeType: 'application/pdf', data: pdf } }] }],
    });
  });

  it('sends a PDF by URL where the target fetches it, and refuses it where PDFs go only inline', async () => {
    const body = request([user({ type: 'document', source: { type: 'url', url: 'https://example.com/a.pdf' } })]);
    expect(await wire(body, 'openai')).toMatchObject({
      input: [{ content: [{ type: 'input_file', file_url: 'https://example.com/a.pdf' }] }],
    });
    expect(await wire(body, 'google')).toMatchObject({
      contents: [{ parts: [{ fileData: { mimeType: 'application/pdf', fileUri: 'https://example.com/a.pdf' } }] }],
    });
    expect(refusedField(body, 'chat')).toBe('messages.0.content.0.source');
  });

  it('gives text and content documents as text, after their title and context', () => {
    const textDocument = {
      type: 'document',
      title: 'Notes',
      context: 'Meeting of May 2',
      source: { type: 'text', media_type: 'text/plain', data: 'We agreed.' },
    };
    const contentDocument = {
      type: 'document',
      source: {
        type: 'content',
        content: [
          { type: 'text', text: 'Part one.' },
          { type: 'image', source: { type: 'base64', media_type: 'image/png', data: png } },
        ],
      },
    };
    expect(translate(request([user(textDocument, contentDocument)]), 'openai').prompt[0]!.content).toEqual([
      { type: 'text', text: 'Document title: Notes\nDocument context: Meeting of May 2' },
      { type: 'text', text: 'We agreed.' },
      { type: 'text', text: 'Part one.' },
      { type: 'file', mediaType: 'image/png', data: { type: 'data', data: png } },
    ]);
  });

  it('refuses citations and files uploaded to Anthropic', () => {
    const cited = {
      type: 'document',
      citations: { enabled: true },
      source: { type: 'text', media_type: 'text/plain', data: 'x' },
    };
    expect(refusedField(request([user(cited)]), 'google')).toBe('messages.0.content.0.citations');
    const off = { ...cited, citations: { enabled: false } };
    expect(() => translate(request([user(off)]), 'google')).not.toThrow();
    const uploaded = { type: 'document', source: { type: 'file', file_id: 'file_9' } };
    expect(refusedField(request([user(uploaded)]), 'chat')).toBe('messages.0.content.0.source');
    expect(refusedField(request([user({ type: 'search_result', source: 's', title: 't', content: [] })]), 'chat')).toBe(
      'messages.0.content.0',
    );
  });
});

describe('tool calls and their results', () => {
  it('become neutral tool-call and tool-result parts, and the following text a user message', () => {
    const call = translate(
      request(weatherTurns({ type: 'tool_result', tool_use_id: 'toolu_1', content: '18°C' }), { tools: [weatherTool] }),
      'chat',
    );
    expect(call.prompt).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Weather in Paris?' }] },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'Checking.' },
          { type: 'tool-call', toolCallId: 'toolu_1', toolName: 'get_weather', input: { city: 'Paris' } },
        ],
      },
      {
        role: 'tool',
        content: [
          {
            type: 'tool-result',
            toolCallId: 'toolu_1',
            toolName: 'get_weather',
            output: { type: 'text', value: '18°C' },
          },
        ],
      },
      { role: 'user', content: [{ type: 'text', text: 'And tomorrow?' }] },
    ]);
  });

  it('reach each provider as its own tool call and result', async () => {
    const body = request(weatherTurns({ type: 'tool_result', tool_use_id: 'toolu_1', content: '18°C' }), {
      tools: [weatherTool],
    });
    expect(await wire(body, 'openai')).toMatchObject({
      input: [
        {},
        {},
        { type: 'function_call', call_id: 'toolu_1', name: 'get_weather', arguments: '{"city":"Paris"}' },
        { type: 'function_call_output', call_id: 'toolu_1', output: '18°C' },
        { role: 'user' },
      ],
    });
    expect(await wire(body, 'chat')).toMatchObject({
      messages: [
        {},
        {
          role: 'assistant',
          tool_calls: [{ id: 'toolu_1', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }],
        },
        { role: 'tool', tool_call_id: 'toolu_1', content: '18°C' },
        { role: 'user', content: 'And tomorrow?' },
      ],
    });
    expect(await wire(body, 'google')).toMatchObject({
      contents: [
        {},
        {
          role: 'model',
          parts: [{ text: 'Checking.' }, { functionCall: { name: 'get_weather', args: { city: 'Paris' } } }],
        },
        { role: 'user', parts: [{ functionResponse: { name: 'get_weather', response: { content: '18°C' } } }] },
        { role: 'user' },
      ],
    });
  });

  it('carries is_error, and joins text blocks of a result', () => {
    const failed = {
      type: 'tool_result',
      tool_use_id: 'toolu_1',
      is_error: true,
      content: [
        { type: 'text', text: 'No such city' },
        { type: 'text', text: 'Try again' },
      ],
    };
    const [, , tool] = translate(request(weatherTurns(failed)), 'google').prompt;
    expect(tool).toEqual({
      role: 'tool',
      content: [
        {
          type: 'tool-result',
          toolCallId: 'toolu_1',
          toolName: 'get_weather',
          output: { type: 'error-text', value: 'No such city\nTry again' },
        },
      ],
    });
  });

  it('sends a result with an image where the target takes one, and refuses it on Chat Completions', async () => {
    const withImage = {
      type: 'tool_result',
      tool_use_id: 'toolu_1',
      content: [
        { type: 'text', text: 'Radar:' },
        { type: 'image', source: { type: 'base64', media_type: 'image/png', data: png } },
      ],
    };
    expect(await wire(request(weatherTurns(withImage)), 'openai')).toMatchObject({
      input: [
        {},
        {},
        {},
        { type: 'function_call_output', output: [{ type: 'input_text', text: 'Radar:' }, { type: 'input_image' }] },
        {},
      ],
    });
    expect(refusedField(request(weatherTurns(withImage)), 'chat')).toBe('messages.2.content.0.content');
    expect(refusedField(request(weatherTurns({ ...withImage, is_error: true })), 'openai')).toBe(
      'messages.2.content.0.is_error',
    );
  });

  it('refuses a result for a call that never happened, and calls from Anthropic’s code execution', () => {
    const orphan = request([user({ type: 'tool_result', tool_use_id: 'toolu_x', content: 'ok' })]);
    expect(refusedField(orphan, 'openai')).toBe('messages.0.content.0.tool_use_id');
    const turns = weatherTurns({ type: 'tool_result', tool_use_id: 'toolu_1', content: 'ok' });
    (turns[1]!.content as Record<string, unknown>[])[1]!.caller = { type: 'code_execution_20250825', tool_id: 'srv_1' };
    expect(refusedField(request(turns), 'chat')).toBe('messages.1.content.1.caller');
    const serverCall = request([
      user('Hi'),
      { role: 'assistant', content: [{ type: 'server_tool_use', id: 's', name: 'web_search', input: {} }] },
      user('ok'),
    ]);
    expect(refusedField(serverCall, 'google')).toBe('messages.1.content.0');
  });
});

describe('tool definitions and choice', () => {
  it('turn custom tools into functions, with strict and examples (in the description)', () => {
    const call = translate(
      request([user('Hi')], {
        tools: [
          {
            ...weatherTool,
            type: 'custom',
            description: 'Weather now',
            strict: true,
            input_examples: [{ city: 'Oslo' }],
          },
        ],
      }),
      'openai',
    );
    expect(call.tools).toEqual([
      {
        type: 'function',
        name: 'get_weather',
        description: 'Weather now\n\nInput examples:\n{"city":"Oslo"}',
        inputSchema: weatherTool.input_schema,
        strict: true,
      },
    ]);
  });

  it('refuses tools Anthropic defines or runs, and tool settings only Anthropic has', () => {
    const refused = (tool: Record<string, unknown>) =>
      refusedField(request([user('Hi')], { tools: [weatherTool, tool] }), 'chat');
    expect(refused({ type: 'web_search_20250305', name: 'web_search' })).toBe('tools.1');
    expect(refused({ type: 'bash_20250124', name: 'bash' })).toBe('tools.1');
    expect(refused({ ...weatherTool, cache_control: { type: 'ephemeral' } })).toBe('tools.1.cache_control');
    expect(refused({ ...weatherTool, defer_loading: true })).toBe('tools.1.defer_loading');
    expect(refused({ ...weatherTool, eager_input_streaming: true })).toBe('tools.1.eager_input_streaming');
    expect(refused({ ...weatherTool, allowed_callers: ['code_execution_20250825'] })).toBe('tools.1.allowed_callers');
    expect(refused({ name: 'no_schema' })).toBe('tools.1.input_schema');
    expect(() =>
      translate(
        request([user('Hi')], { tools: [{ ...weatherTool, defer_loading: false, allowed_callers: ['direct'] }] }),
        'chat',
      ),
    ).not.toThrow();
  });

  it('maps every tool_choice', () => {
    const choice = (tool_choice: Record<string, unknown>) =>
      translate(request([user('Hi')], { tools: [weatherTool], tool_choice }), 'google').toolChoice;
    expect(choice({ type: 'auto' })).toEqual({ type: 'auto' });
    expect(choice({ type: 'any' })).toEqual({ type: 'required' });
    expect(choice({ type: 'none' })).toEqual({ type: 'none' });
    expect(choice({ type: 'tool', name: 'get_weather' })).toEqual({ type: 'tool', toolName: 'get_weather' });
    expect(choice({ type: 'auto', disable_parallel_tool_use: false })).toEqual({ type: 'auto' });
  });
});

describe('thinking', () => {
  const thinkingTurns = (signature: string) => [
    user('Divide 925 by 5'),
    {
      role: 'assistant',
      content: [
        { type: 'thinking', thinking: '925 / 5 = 185', signature },
        { type: 'tool_use', id: 'toolu_2', name: 'check', input: { n: 185 } },
      ],
    },
    user({ type: 'tool_result', tool_use_id: 'toolu_2', content: 'correct' }),
  ];

  it('sends thinking back as reasoning where the target takes foreign reasoning', async () => {
    expect(await wire(request(thinkingTurns('EvQBCk...')), 'chat')).toMatchObject({
      messages: [{}, { role: 'assistant', reasoning_content: '925 / 5 = 185' }, {}],
    });
    const google = await wire(
      request(thinkingTurns(encodeSignature({ google: { thoughtSignature: 'g-sig' } }))),
      'google',
    );
    expect(google).toMatchObject({
      contents: [{}, { parts: [{ text: '925 / 5 = 185', thought: true, thoughtSignature: 'g-sig' }, {}] }, {}],
    });
  });

  it('leaves thinking out for OpenAI, which takes back only its own stored reasoning', async () => {
    const call = translate(request(thinkingTurns('EvQBCk...')), 'openai');
    expect(call.prompt[1]!.content).toEqual([
      { type: 'tool-call', toolCallId: 'toolu_2', toolName: 'check', input: { n: 185 } },
    ]);
    const body = await wire(request(thinkingTurns('EvQBCk...')), 'openai');
    expect(JSON.stringify(body)).not.toContain('925 / 5');
  });

  it('refuses redacted thinking, which only Anthropic can read', () => {
    const turns = thinkingTurns('x');
    (turns[1]!.content as unknown[]).unshift({ type: 'redacted_thinking', data: 'EmwKAh...' });
    expect(refusedField(request(turns), 'chat')).toBe('messages.1.content.0');
  });

  it('refuses a last assistant turn (prefill), which the target would not continue', () => {
    expect(refusedField(request([user('Hi'), { role: 'assistant', content: 'The answer is (' }]), 'openai')).toBe(
      'messages.1',
    );
  });

  it('maps each thinking setting to the target’s reasoning options', () => {
    const options = (thinking: Record<string, unknown>, family: Family, extra = {}) =>
      translate(request([user('Hi')], { thinking, ...extra }), family).providerOptions;
    expect(options({ type: 'disabled' }, 'openai')).toEqual({ openai: { reasoningEffort: 'none' } });
    expect(options({ type: 'disabled' }, 'google')).toEqual({ google: { thinkingConfig: { thinkingBudget: 0 } } });
    expect(options({ type: 'adaptive' }, 'google')).toEqual({
      google: { thinkingConfig: { thinkingBudget: -1, includeThoughts: true } },
    });
    expect(options({ type: 'adaptive' }, 'chat')).toBeUndefined();
    expect(options({ type: 'enabled', budget_tokens: 5000, display: 'omitted' }, 'openai')).toEqual({
      openai: { reasoningEffort: 'high', reasoningSummary: null },
    });
    expect(options({ type: 'enabled', budget_tokens: 5000, display: 'omitted' }, 'google')).toEqual({
      google: { thinkingConfig: { thinkingBudget: 5000, includeThoughts: false } },
    });
    expect(options({ type: 'adaptive' }, 'google', { output_config: { effort: 'low' } })).toEqual({
      google: { thinkingConfig: { thinkingLevel: 'low', includeThoughts: true } },
    });
    expect(options({ type: 'adaptive' }, 'openai', { output_config: { effort: 'xhigh' } })).toEqual({
      openai: { reasoningEffort: 'xhigh', reasoningSummary: 'auto' },
    });
    expect(refusedField(request([user('Hi')], { thinking: { type: 'between_tools' } }), 'chat')).toBe('thinking.type');
    expect(refusedField(request([user('Hi')], { thinking: { type: 'enabled' } }), 'chat')).toBe(
      'thinking.budget_tokens',
    );
    expect(refusedField(request([user('Hi')], { output_config: { effort: 'max' } }), 'google')).toBe(
      'output_config.effort',
    );
    expect(
      refusedField(
        request([user('Hi')], { thinking: { type: 'enabled', budget_tokens: 2000 }, output_config: { effort: 'low' } }),
        'google',
      ),
    ).toBe('output_config.effort');
  });

  it('turns a thinking budget into an effort by its share of max_tokens, as the AI SDK does the other way', () => {
    expect(effortForBudget(1024, 16000)).toBe('low');
    expect(effortForBudget(4000, 16000)).toBe('medium');
    expect(effortForBudget(10000, 16000)).toBe('high');
  });
});
