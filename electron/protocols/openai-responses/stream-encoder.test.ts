import type { LanguageModelV4StreamPart } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import {
  finish,
  reasoningParts,
  streamStart,
  textParts,
  toolCallParts,
  usage,
} from '../../../test/integration/neutral-parts';
import { loadCapture } from '../../../test/fake-provider';
import { parseResponseEvents, responseEventErrors } from '../../../test/integration/responses-spec';
import { openReasoning } from './reasoning-envelope';
import { createResponsesStreamEncoder } from './stream-encoder';

const meta = { id: 'resp_abc', model: 'claude/claude-sonnet-4-5', created: 1_763_000_000 };

function encode(parts: LanguageModelV4StreamPart[], body: Record<string, unknown> = {}, failWith?: [string, string]) {
  const encoder = createResponsesStreamEncoder(meta, { model: 'claude', input: 'hi', ...body });
  let sse = parts.map((part) => encoder.write(part)).join('');
  if (failWith) sse += encoder.fail(...failWith);
  const events = parseResponseEvents(sse);
  for (const event of events) expect(responseEventErrors(event), event.type).toEqual([]);
  expect(events.map((event) => event.sequence_number)).toEqual(events.map((_, index) => index));
  return events;
}

const types = (events: { type: string }[]) => events.map((event) => event.type);

describe('the Responses stream of a translated answer', () => {
  it('streams text in OpenAI order, every event valid, and completes with the Response and its usage', () => {
    const events = encode([
      streamStart,
      ...textParts('0', 'Hello', ', ', 'world'),
      finish('stop', usage(120, 30, { cacheRead: 100, cacheWrite: 4, reasoning: 0 })),
    ]);
    expect(types(events)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.delta',
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ]);
    expect(events[0]!.response).toMatchObject({ id: 'resp_abc', status: 'in_progress', model: meta.model, output: [] });
    expect(events[7]!.text).toBe('Hello, world');
    const completed = events.at(-1)!.response;
    expect(completed.status).toBe('completed');
    expect(completed.output).toEqual([
      {
        id: 'msg_abc_0',
        type: 'message',
        role: 'assistant',
        status: 'completed',
        content: [{ type: 'output_text', text: 'Hello, world', annotations: [], logprobs: [] }],
      },
    ]);
    expect(completed.usage).toEqual({
      input_tokens: 120,
      input_tokens_details: { cached_tokens: 100, cache_write_tokens: 4 },
      output_tokens: 30,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: 150,
    });
  });

  it('streams parallel function calls whose argument deltas reassemble into each call', () => {
    const events = encode(
      [
        ...textParts('t', 'Checking both.'),
        ...toolCallParts('call_1', 'get_weather', '{"city":', '"Paris"}'),
        ...toolCallParts('call_2', 'get_weather', '{"city":"Rome"}'),
        finish('tool-calls'),
      ],
      { tools: [{ type: 'function', name: 'get_weather', parameters: { type: 'object' } }] },
    );
    const added = events.filter((event) => event.type === 'response.output_item.added');
    expect(added.map((event) => event.item)).toEqual([
      expect.objectContaining({ type: 'message' }),
      {
        id: 'fc_abc_1',
        type: 'function_call',
        call_id: 'call_1',
        name: 'get_weather',
        arguments: '',
        status: 'in_progress',
      },
      {
        id: 'fc_abc_2',
        type: 'function_call',
        call_id: 'call_2',
        name: 'get_weather',
        arguments: '',
        status: 'in_progress',
      },
    ]);
    for (const [index, callId] of [
      [1, 'call_1'],
      [2, 'call_2'],
    ] as const) {
      const deltas = events
        .filter((event) => event.type === 'response.function_call_arguments.delta' && event.output_index === index)
        .map((event) => event.delta)
        .join('');
      const done = events.find(
        (event) => event.type === 'response.function_call_arguments.done' && event.output_index === index,
      )!;
      expect(JSON.parse(deltas)).toEqual(JSON.parse(done.arguments));
      expect(done.name).toBe('get_weather');
      expect(events.at(-1)!.response.output[index]).toMatchObject({ call_id: callId, arguments: done.arguments });
    }
    expect(events.at(-1)!.type).toBe('response.completed');
  });

  it('still streams the arguments of a call that arrives whole, with no input deltas', () => {
    const events = encode([{ type: 'tool-call', toolCallId: 'c1', toolName: 'ls', input: '{"path":"."}' }, finish()]);
    expect(types(events).slice(2, 6)).toEqual([
      'response.output_item.added',
      'response.function_call_arguments.delta',
      'response.function_call_arguments.done',
      'response.output_item.done',
    ]);
    expect(events[3]!.delta).toBe('{"path":"."}');
  });

  it('streams reasoning as a summary when one is asked for, and counts reasoning tokens', () => {
    const events = encode(
      [
        ...reasoningParts('r', ['Think', 'ing.']),
        ...textParts('t', 'Done.'),
        finish('stop', usage(5, 20, { reasoning: 12 })),
      ],
      { reasoning: { effort: 'high', summary: 'auto' } },
    );
    expect(types(events).slice(2, 9)).toEqual([
      'response.output_item.added',
      'response.reasoning_summary_part.added',
      'response.reasoning_summary_text.delta',
      'response.reasoning_summary_text.delta',
      'response.reasoning_summary_text.done',
      'response.reasoning_summary_part.done',
      'response.output_item.done',
    ]);
    const completed = events.at(-1)!.response;
    expect(completed.output[0]).toEqual({
      id: 'rs_abc_0',
      type: 'reasoning',
      summary: [{ type: 'summary_text', text: 'Thinking.' }],
    });
    expect(completed.reasoning).toEqual({ effort: 'high', summary: 'auto' });
    expect(completed.usage.output_tokens_details.reasoning_tokens).toBe(12);
  });

  it('seals the target’s reasoning signature in encrypted_content when it is included', () => {
    const signature = { anthropic: { signature: 'sig-123' } };
    const events = encode([...reasoningParts('r', ['Hmm.'], signature), finish()], {
      reasoning: { effort: 'low' },
      include: ['reasoning.encrypted_content'],
    });
    const item = events.find((event) => event.type === 'response.output_item.done')!.item;
    // No summary was asked for: the text is not shown, but travels sealed with the signature.
    expect(item.summary).toEqual([]);
    expect(openReasoning(item.encrypted_content)).toEqual({ text: 'Hmm.', providerMetadata: signature });
  });

  it('shows reasoning as an empty item when the client asked neither for a summary nor for its content', () => {
    const events = encode([...reasoningParts('r', ['secret']), ...textParts('t', 'Hi'), finish()]);
    expect(events.some((event) => JSON.stringify(event).includes('secret'))).toBe(false);
    expect(events.at(-1)!.response.output[0]).toEqual({ id: 'rs_abc_0', type: 'reasoning', summary: [] });
  });

  it('ends with response.incomplete when the output limit or a content filter stopped the answer', () => {
    const cut = encode([...textParts('t', 'Once upon'), finish('length')]);
    expect(cut.at(-1)!.type).toBe('response.incomplete');
    expect(cut.at(-1)!.response).toMatchObject({
      status: 'incomplete',
      incomplete_details: { reason: 'max_output_tokens' },
    });
    const filtered = encode([finish('content-filter')]);
    expect(filtered.at(-1)!.response.incomplete_details).toEqual({ reason: 'content_filter' });
  });

  it('ends a failure after the first token with error and response.failed, never response.completed', () => {
    const events = encode([...textParts('t', 'Part').slice(0, 2)], {}, ['PROVIDER_STREAM_ERROR', 'Overloaded']);
    expect(types(events).slice(-2)).toEqual(['error', 'response.failed']);
    expect(types(events)).not.toContain('response.completed');
    expect(events.at(-2)).toMatchObject({ code: 'provider_stream_error', message: 'Overloaded', param: null });
    const failed = events.at(-1)!.response;
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'server_error', message: 'Overloaded' } });
    expect(failed.output[0]).toMatchObject({ type: 'message', status: 'incomplete' });
  });

  it('says rate_limit_exceeded when the failure was a rate limit, and nothing after the end', () => {
    const encoder = createResponsesStreamEncoder(meta, { model: 'm', input: 'hi' });
    const events = parseResponseEvents(encoder.fail('PROVIDER_RATE_LIMITED', 'Slow down'));
    expect(types(events)).toEqual(['response.created', 'response.in_progress', 'error', 'response.failed']);
    expect(events.at(-1)!.response.error.code).toBe('rate_limit_exceeded');
    expect(encoder.write({ type: 'text-delta', id: 't', delta: 'late' })).toBe('');
    expect(encoder.fail('INTERNAL', 'again')).toBe('');
  });

  it('fails on an error part, and on a finish that says the stream was cut or errored', () => {
    for (const parts of [
      [...textParts('t', 'a').slice(0, 2), { type: 'error', error: new Error('socket hang up') } as const],
      [...textParts('t', 'a').slice(0, 2), finish('interrupted')],
      [finish('error')],
    ]) {
      const events = encode(parts);
      expect(events.at(-1)!.type).toBe('response.failed');
    }
  });

  it('frames each event as `event: <type>` and `data: <json>`', () => {
    const encoder = createResponsesStreamEncoder(meta, { model: 'm', input: 'hi' });
    expect(encoder.write(streamStart)).toMatch(
      /^event: response\.created\ndata: \{.*\}\n\nevent: response\.in_progress\n/,
    );
  });

  it('fails as OpenAI’s own stream does (openai-error.1): error, then response.failed, with the same Response fields', () => {
    const capture = loadCapture('openai-responses/openai-error.1.chunks.txt').map((line) => JSON.parse(line));
    const events = encode([], {}, ['PROVIDER_RATE_LIMITED', 'You exceeded your current quota.']);
    expect(types(events)).toEqual(types(capture));
    // Every field OpenAI sends is there, except two it sends as null where its own spec wants a value.
    const missing = Object.keys(capture[0].response).filter((key) => !(key in events[0]!.response));
    expect(missing).toEqual(['usage', 'user']);
    expect(events.at(-1)!.response.status).toBe(capture.at(-1).response.status);
  });
});
