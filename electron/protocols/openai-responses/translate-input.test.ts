import { describe, expect, it } from 'vitest';
import { UnsupportedFieldError, type TranslationTarget } from '../types';
import { textParts, finish, reasoningParts, toolCallParts } from '../../../test/integration/neutral-parts';
import { sealReasoning } from './reasoning-envelope';
import { createResponsesStreamEncoder } from './stream-encoder';
import { translateResponsesRequest } from './translate-request';

const chat: TranslationTarget = { target: 'local/llama3.2', kind: 'openai-compatible' };
const anthropic: TranslationTarget = { target: 'claude/claude-sonnet-4-5', kind: 'anthropic' };
const google: TranslationTarget = { target: 'gemini/gemini-2.5-flash', kind: 'google' };

const promptOf = (input: unknown, target: TranslationTarget = chat, extra: Record<string, unknown> = {}) =>
  translateResponsesRequest({ model: 'm', input, ...extra }, target).prompt;

function refusal(input: unknown, target: TranslationTarget = chat): { field: string; message: string } {
  try {
    promptOf(input, target);
  } catch (error) {
    if (error instanceof UnsupportedFieldError) return { field: error.field, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}

const user = (text: string) => ({ type: 'message', role: 'user', content: [{ type: 'input_text', text }] });
const pixel = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

describe('a stateless Responses conversation (as Codex sends it) in the AI SDK’s terms', () => {
  it('turns function_call / function_call_output round trips into tool-call and tool-result parts', () => {
    const prompt = promptOf([
      { type: 'message', role: 'developer', content: [{ type: 'input_text', text: 'You are a coding agent.' }] },
      user('List the files, then read both.'),
      { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'Listing.', annotations: [] }] },
      { type: 'function_call', call_id: 'call_1', name: 'shell', arguments: '{"command":["ls"]}' },
      { type: 'function_call_output', call_id: 'call_1', output: 'a.txt\nb.txt' },
      // Two calls in one turn (parallel), answered together.
      { type: 'function_call', id: 'fc_2', call_id: 'call_2', name: 'read', arguments: '{"path":"a.txt"}' },
      { type: 'function_call', id: 'fc_3', call_id: 'call_3', name: 'read', arguments: '{"path":"b.txt"}' },
      { type: 'function_call_output', call_id: 'call_2', output: 'alpha' },
      { type: 'function_call_output', call_id: 'call_3', output: [{ type: 'input_text', text: 'beta' }] },
    ]);
    expect(prompt).toEqual([
      { role: 'system', content: 'You are a coding agent.' },
      { role: 'user', content: [{ type: 'text', text: 'List the files, then read both.' }] },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'Listing.' },
          { type: 'tool-call', toolCallId: 'call_1', toolName: 'shell', input: { command: ['ls'] } },
        ],
      },
      {
        role: 'tool',
        content: [
          {
            type: 'tool-result',
            toolCallId: 'call_1',
            toolName: 'shell',
            output: { type: 'text', value: 'a.txt\nb.txt' },
          },
        ],
      },
      {
        role: 'assistant',
        content: [
          { type: 'tool-call', toolCallId: 'call_2', toolName: 'read', input: { path: 'a.txt' } },
          { type: 'tool-call', toolCallId: 'call_3', toolName: 'read', input: { path: 'b.txt' } },
        ],
      },
      {
        role: 'tool',
        content: [
          { type: 'tool-result', toolCallId: 'call_2', toolName: 'read', output: { type: 'text', value: 'alpha' } },
          { type: 'tool-result', toolCallId: 'call_3', toolName: 'read', output: { type: 'text', value: 'beta' } },
        ],
      },
    ]);
  });

  it('keeps malformed call arguments as the model wrote them', () => {
    const prompt = promptOf([user('Go'), { type: 'function_call', call_id: 'c', name: 'f', arguments: '{"a":' }]);
    expect(prompt[1]).toEqual({
      role: 'assistant',
      content: [{ type: 'tool-call', toolCallId: 'c', toolName: 'f', input: '{"a":' }],
    });
  });

  it('refuses an output whose call is not in the conversation', () => {
    const refused = refusal([user('Go'), { type: 'function_call_output', call_id: 'call_9', output: 'x' }]);
    expect(refused.field).toBe('input[1].call_id');
    expect(refused.message).toContain('no function_call with call_id "call_9"');
  });

  it('sends images in a tool output where the target takes them, and refuses them for Chat Completions', () => {
    const input = [
      user('Screenshot?'),
      { type: 'function_call', call_id: 'c', name: 'screenshot', arguments: '{}' },
      {
        type: 'function_call_output',
        call_id: 'c',
        output: [
          { type: 'input_text', text: 'Here:' },
          { type: 'input_image', image_url: `data:image/png;base64,${pixel}`, detail: 'auto' },
        ],
      },
    ];
    expect(promptOf(input, anthropic)[2]!.content[0]).toMatchObject({
      output: {
        type: 'content',
        value: [
          { type: 'text', text: 'Here:' },
          { type: 'file', mediaType: 'image/png', data: { type: 'data', data: pixel } },
        ],
      },
    });
    expect(refusal(input, chat)).toMatchObject({ field: 'input[2].output[1]' });
  });

  it('turns data: and https images into file parts, and refuses OpenAI file ids and low detail', () => {
    const prompt = promptOf([
      {
        role: 'user',
        content: [
          { type: 'input_text', text: 'Compare' },
          { type: 'input_image', image_url: `data:image/png;base64,${pixel}`, detail: 'auto' },
          { type: 'input_image', image_url: 'https://example.com/cat.jpg', detail: 'high' },
        ],
      },
    ]);
    expect(prompt[0]!.content).toEqual([
      { type: 'text', text: 'Compare' },
      { type: 'file', mediaType: 'image/png', data: { type: 'data', data: pixel } },
      { type: 'file', mediaType: 'image/jpeg', data: { type: 'url', url: new URL('https://example.com/cat.jpg') } },
    ]);
    const image = (part: Record<string, unknown>) => [
      { role: 'user', content: [{ type: 'input_image', detail: 'auto', ...part }] },
    ];
    expect(refusal(image({ file_id: 'file-1' })).field).toBe('input[0].content[0].file_id');
    expect(refusal(image({ image_url: `data:image/png;base64,${pixel}`, detail: 'low' })).field).toBe(
      'input[0].content[0].detail',
    );
    expect(refusal(image({ image_url: 'ftp://example.com/a.png' })).field).toBe('input[0].content[0].image_url');
    // Gemini needs the type of an image it fetches itself.
    expect(refusal(image({ image_url: 'https://example.com/image?id=1' }), google).field).toBe(
      'input[0].content[0].image_url',
    );
  });

  it('sends PDFs as files where the target takes them, and refuses file ids and unknown types', () => {
    const pdf = { type: 'input_file', filename: 'report.pdf', file_data: 'data:application/pdf;base64,JVBERi0=' };
    for (const target of [chat, anthropic, google]) {
      expect(promptOf([{ role: 'user', content: [pdf] }], target)[0]!.content).toEqual([
        {
          type: 'file',
          mediaType: 'application/pdf',
          filename: 'report.pdf',
          data: { type: 'data', data: 'JVBERi0=' },
        },
      ]);
    }
    const file = (part: Record<string, unknown>) => [{ role: 'user', content: [{ type: 'input_file', ...part }] }];
    expect(refusal(file({ file_id: 'file-1' })).field).toBe('input[0].content[0].file_id');
    expect(refusal(file({ file_data: 'AAAA' })).field).toBe('input[0].content[0].file_data');
    expect(refusal(file({ file_url: 'https://example.com/report.pdf' }), chat).field).toBe('input[0].content[0]');
    expect(promptOf(file({ file_url: 'https://example.com/report.pdf' }), anthropic)[0]!.content[0]).toMatchObject({
      mediaType: 'application/pdf',
      data: { type: 'url' },
    });
  });

  it('reads assistant text and refusals from earlier answers, and string contents', () => {
    const prompt = promptOf([
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: [{ type: 'refusal', refusal: 'I cannot.' }] },
      { role: 'assistant', content: 'Plain.' },
    ]);
    expect(prompt).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'Hi' }] },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: 'I cannot.' },
          { type: 'text', text: 'Plain.' },
        ],
      },
    ]);
  });

  it('puts instructions first, and refuses a system message mid-conversation where the target cannot take one', () => {
    const input = [user('Hi'), { role: 'developer', content: 'Now be terse.' }];
    expect(translateResponsesRequest({ model: 'm', instructions: 'Be kind.', input }, chat).prompt).toEqual([
      { role: 'system', content: 'Be kind.' },
      { role: 'user', content: [{ type: 'text', text: 'Hi' }] },
      { role: 'system', content: 'Now be terse.' },
    ]);
    for (const target of [anthropic, google]) expect(refusal(input, target).field).toBe('input[1].role');
  });

  it('carries reasoning back: its text, and the target’s own signature sealed by Switchboard', () => {
    // The sealed text wins over the summary: a signature holds only for the exact text the target gave.
    const sealed = sealReasoning({
      text: 'Because, in full.',
      providerMetadata: { anthropic: { signature: 'sig-1' } },
    });
    const prompt = promptOf(
      [
        user('Why?'),
        {
          type: 'reasoning',
          id: 'rs_1',
          summary: [{ type: 'summary_text', text: 'Because.' }],
          encrypted_content: sealed,
        },
        { type: 'function_call', call_id: 'c', name: 'f', arguments: '{}' },
      ],
      anthropic,
    );
    expect(prompt[1]).toEqual({
      role: 'assistant',
      content: [
        { type: 'reasoning', text: 'Because, in full.', providerOptions: { anthropic: { signature: 'sig-1' } } },
        { type: 'tool-call', toolCallId: 'c', toolName: 'f', input: {} },
      ],
    });
  });

  it('keeps only the visible text of OpenAI’s encrypted reasoning, which no other provider can read', () => {
    const prompt = promptOf([
      user('Why?'),
      {
        type: 'reasoning',
        id: 'rs_1',
        summary: [{ type: 'summary_text', text: 'Seen.' }],
        encrypted_content: 'gAAAAB…',
      },
      { type: 'reasoning', id: 'rs_2', summary: [], content: null, encrypted_content: 'gAAAAC…' },
      { role: 'assistant', content: 'Answer.' },
    ]);
    expect(prompt[1]).toEqual({
      role: 'assistant',
      content: [
        { type: 'reasoning', text: 'Seen.' },
        { type: 'text', text: 'Answer.' },
      ],
    });
  });

  it('sends Anthropic only the thinking it signed itself', () => {
    const deepSeekTurn = sealReasoning({ text: 'Another model thought this.' });
    const prompt = promptOf(
      [
        user('Why?'),
        {
          type: 'reasoning',
          summary: [{ type: 'summary_text', text: 'OpenAI thought.' }],
          encrypted_content: 'gAAAA…',
        },
        { type: 'reasoning', summary: [], encrypted_content: deepSeekTurn },
        { role: 'assistant', content: 'Answer.' },
      ],
      anthropic,
    );
    expect(prompt[1]).toEqual({ role: 'assistant', content: [{ type: 'text', text: 'Answer.' }] });
  });

  it('refuses sealed reasoning that was changed, items stored at OpenAI, and built-in tool items', () => {
    const tampered = `${sealReasoning({ text: 't', providerMetadata: { anthropic: { signature: 's' } } }).slice(0, -4)}!!!!`;
    expect(refusal([user('x'), { type: 'reasoning', summary: [], encrypted_content: tampered }]).field).toBe(
      'input[1].encrypted_content',
    );
    expect(refusal([user('x'), { type: 'item_reference', id: 'msg_1' }])).toMatchObject({
      field: 'input[1].id',
      message: expect.stringContaining('store = false'),
    });
    expect(refusal([user('x'), { type: 'web_search_call', id: 'ws_1', status: 'completed' }]).field).toBe(
      'input[1].type',
    );
    expect(refusal([{ ...user('x'), prompt_cache_breakpoint: { type: 'ephemeral' } }]).field).toBe(
      'input[0].prompt_cache_breakpoint',
    );
  });

  it('resolves references to the items of its own recent answers, as @ai-sdk/openai sends them', () => {
    const body = { model: 'm', input: 'Weather?', reasoning: { effort: 'low' } };
    const encoder = createResponsesStreamEncoder({ id: 'resp_refs', model: 'claude/c', created: 1 }, body);
    const signature = { anthropic: { signature: 'sig-9' } };
    for (const part of [
      ...reasoningParts('r', ['Check it.'], signature),
      ...textParts('t', 'Checking.'),
      ...toolCallParts('toolu_1', 'weather', '{}'),
      finish('tool-calls'),
    ]) {
      encoder.write(part);
    }
    const prompt = promptOf(
      [
        user('Weather?'),
        // Not shown to the client (no summary, no include), yet kept whole for a reference.
        { type: 'item_reference', id: 'rs_refs_0' },
        { type: 'item_reference', id: 'msg_refs_1' },
        { type: 'function_call', call_id: 'toolu_1', name: 'weather', arguments: '{}' },
        { type: 'function_call_output', call_id: 'toolu_1', output: 'Sunny' },
      ],
      anthropic,
    );
    expect(prompt[1]).toEqual({
      role: 'assistant',
      content: [
        { type: 'reasoning', text: 'Check it.', providerOptions: signature },
        { type: 'text', text: 'Checking.' },
        { type: 'tool-call', toolCallId: 'toolu_1', toolName: 'weather', input: {} },
      ],
    });
  });

  it('takes a recent answer’s reasoning whole when the client sends it back without its content', () => {
    const encoder = createResponsesStreamEncoder({ id: 'resp_bare', model: 'claude/c', created: 1 }, { model: 'm' });
    for (const part of [...reasoningParts('r', ['Deep.'], { anthropic: { signature: 'sig-b' } }), finish()]) {
      encoder.write(part);
    }
    const prompt = promptOf([user('x'), { type: 'reasoning', id: 'rs_bare_0', summary: [] }], anthropic);
    expect(prompt[1]).toEqual({
      role: 'assistant',
      content: [{ type: 'reasoning', text: 'Deep.', providerOptions: { anthropic: { signature: 'sig-b' } } }],
    });
  });

  it('refuses a request with no input: a translated call carries the whole conversation', () => {
    expect(() => translateResponsesRequest({ model: 'm' }, chat)).toThrow(/"input" cannot be sent/);
  });
});

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
