import { describe, expect, it } from 'vitest';
import type { EndpointKind } from '../../../shared/types/config';
import { UnsupportedFieldError } from '../types';
import { openAIChatCodec } from './index';

const targets: Record<'openai' | 'anthropic' | 'google', string> = {
  openai: 'work/gpt-5-mini',
  anthropic: 'claude/claude-sonnet-4-5',
  google: 'gemini/gemini-2.5-flash',
};
const translate = (messages: unknown[], kind: keyof typeof targets, extra: Record<string, unknown> = {}) =>
  openAIChatCodec.translate({ model: 'm', messages, ...extra }, { target: targets[kind], kind: kind as EndpointKind });

function refusal(run: () => unknown): UnsupportedFieldError {
  try {
    run();
  } catch (error) {
    if (error instanceof UnsupportedFieldError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('messages of every role as the neutral prompt', () => {
  it('sends system and developer messages as system text, one per part', () => {
    const prompt = translate(
      [
        { role: 'system', content: 'Be brief.' },
        {
          role: 'developer',
          content: [
            { type: 'text', text: 'Answer in French.' },
            { type: 'text', text: 'No lists.' },
          ],
        },
        { role: 'user', content: 'Hi' },
      ],
      'anthropic',
    ).prompt;
    expect(prompt.slice(0, 3)).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'system', content: 'Answer in French.' },
      { role: 'system', content: 'No lists.' },
    ]);
  });

  it('refuses a system message after the conversation began on Gemini only', () => {
    const messages = [
      { role: 'user', content: 'Hi' },
      { role: 'system', content: 'Now be brief.' },
    ];
    expect(refusal(() => translate(messages, 'google')).field).toBe('messages[1]');
    expect(translate(messages, 'anthropic').prompt[1]).toEqual({ role: 'system', content: 'Now be brief.' });
  });

  it('refuses `name` on a message: no translated target carries participant names', () => {
    for (const kind of ['openai', 'anthropic', 'google'] as const) {
      const error = refusal(() => translate([{ role: 'user', content: 'Hi', name: 'ada' }], kind));
      expect(error.field).toBe('messages[0].name');
      expect(error.target).toBe(targets[kind]);
    }
  });

  it('refuses a message field Chat Completions does not define, by its path', () => {
    expect(refusal(() => translate([{ role: 'user', content: 'Hi', mood: 'calm' }], 'openai')).field).toBe(
      'messages[0].mood',
    );
  });

  it('sends the assistant’s earlier text, refusal and reasoning on', () => {
    const prompt = translate(
      [
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello!', reasoning_content: 'Greet back.' },
        { role: 'user', content: 'Help me pick a lock' },
        { role: 'assistant', content: [{ type: 'refusal', refusal: 'I cannot help with that.' }], refusal: null },
        { role: 'user', content: 'ok' },
      ],
      'google',
    ).prompt;
    expect(prompt[1]).toEqual({
      role: 'assistant',
      content: [
        { type: 'reasoning', text: 'Greet back.' },
        { type: 'text', text: 'Hello!' },
      ],
    });
    expect(prompt[3]).toEqual({ role: 'assistant', content: [{ type: 'text', text: 'I cannot help with that.' }] });
  });

  it('refuses an earlier audio answer', () => {
    const messages = [
      { role: 'user', content: 'Hi' },
      { role: 'assistant', content: null, audio: { id: 'audio_1' } },
    ];
    expect(refusal(() => translate(messages, 'openai')).field).toBe('messages[1].audio');
  });
});

describe('tools round trip: assistant tool_calls and tool messages', () => {
  const conversation = [
    { role: 'user', content: 'Weather in Paris and Rome?' },
    {
      role: 'assistant',
      content: null,
      tool_calls: [
        { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
        { id: 'call_2', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Rome"}' } },
      ],
    },
    { role: 'tool', tool_call_id: 'call_1', content: '18°C' },
    { role: 'tool', tool_call_id: 'call_2', content: [{ type: 'text', text: '24°C' }] },
  ];

  it('becomes tool-call parts and one tool message with both results, each naming its tool', () => {
    for (const kind of ['openai', 'anthropic', 'google'] as const) {
      const prompt = translate(conversation, kind).prompt;
      expect(prompt[1]).toEqual({
        role: 'assistant',
        content: [
          { type: 'tool-call', toolCallId: 'call_1', toolName: 'get_weather', input: { city: 'Paris' } },
          { type: 'tool-call', toolCallId: 'call_2', toolName: 'get_weather', input: { city: 'Rome' } },
        ],
      });
      expect(prompt[2]).toEqual({
        role: 'tool',
        content: [
          {
            type: 'tool-result',
            toolCallId: 'call_1',
            toolName: 'get_weather',
            output: { type: 'text', value: '18°C' },
          },
          {
            type: 'tool-result',
            toolCallId: 'call_2',
            toolName: 'get_weather',
            output: { type: 'text', value: '24°C' },
          },
        ],
      });
      expect(prompt).toHaveLength(3);
    }
  });

  it('refuses a tool result whose call it cannot find, and a custom tool call', () => {
    const orphan = [conversation[0], { role: 'tool', tool_call_id: 'call_9', content: 'x' }];
    expect(refusal(() => translate(orphan, 'anthropic')).field).toBe('messages[1].tool_call_id');
    const custom = [
      conversation[0],
      { role: 'assistant', tool_calls: [{ id: 'c', type: 'custom', custom: { name: 'g', input: 'x' } }] },
    ];
    expect(refusal(() => translate(custom, 'openai')).field).toBe('messages[1].tool_calls[0]');
  });

  it('keeps arguments that are not JSON as they are, and empty arguments as no arguments', () => {
    const prompt = translate(
      [
        conversation[0],
        {
          role: 'assistant',
          tool_calls: [
            { id: 'a', type: 'function', function: { name: 'now', arguments: '' } },
            { id: 'b', type: 'function', function: { name: 'echo', arguments: 'not json' } },
          ],
        },
      ],
      'openai',
    ).prompt;
    expect(prompt[1]!.content).toMatchObject([{ input: {} }, { input: 'not json' }]);
  });

  it('turns the older function_call and function messages into a call and its result', () => {
    const prompt = translate(
      [
        conversation[0],
        { role: 'assistant', content: null, function_call: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
        { role: 'function', name: 'get_weather', content: '18°C' },
      ],
      'anthropic',
    ).prompt;
    const call = prompt[1]!.content[0] as { toolCallId: string };
    expect(prompt[1]!.content).toEqual([
      { type: 'tool-call', toolCallId: call.toolCallId, toolName: 'get_weather', input: { city: 'Paris' } },
    ]);
    expect(prompt[2]).toEqual({
      role: 'tool',
      content: [
        {
          type: 'tool-result',
          toolCallId: call.toolCallId,
          toolName: 'get_weather',
          output: { type: 'text', value: '18°C' },
        },
      ],
    });
    const stray = [conversation[0], { role: 'function', name: 'get_weather', content: '18°C' }];
    expect(refusal(() => translate(stray, 'anthropic')).field).toBe('messages[1]');
  });
});
