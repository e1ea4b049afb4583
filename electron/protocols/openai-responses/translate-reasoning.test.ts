import { describe, expect, it } from 'vitest';
import { UnsupportedFieldError, type TranslationTarget } from '../types';
import { textParts, finish, reasoningParts, toolCallParts } from '../../../test/integration/neutral-parts';
import { sealReasoning } from './reasoning-envelope';
import { createResponsesStreamEncoder } from './stream-encoder';
import { translateResponsesRequest } from './translate-request';

const chat: TranslationTarget = { target: 'local/llama3.2', kind: 'openai-compatible' };
const anthropic: TranslationTarget = { target: 'claude/claude-sonnet-4-5', kind: 'anthropic' };

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

describe('reasoning and references sent back to a translated target', () => {
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
});
