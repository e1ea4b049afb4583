import { describe, expect, it } from 'vitest';
import { UnsupportedFieldError, type TranslationTarget } from '../types';
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

  it('refuses a request with no input: a translated call carries the whole conversation', () => {
    expect(() => translateResponsesRequest({ model: 'm' }, chat)).toThrow(/"input" cannot be sent/);
  });
});
