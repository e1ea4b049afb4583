import { describe, expect, it } from 'vitest';
import { finish, reasoningParts, textParts, toolCallParts, usage } from '../../../test/integration/neutral-parts';
import { errorBodyErrors, responseBodyErrors } from '../../../test/integration/responses-spec';
import { openAIResponsesCodec } from './index';

const meta = { id: 'resp_body', model: 'gemini/gemini-2.5-flash', created: 1_763_000_000 };
type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function answer(
  parts: Parameters<typeof openAIResponsesCodec.toResponseBody>[1],
  request: Record<string, unknown> = {},
) {
  const body = openAIResponsesCodec.toResponseBody(meta, parts, { model: 'gemini', input: 'hi', ...request }) as Body;
  expect(responseBodyErrors(body)).toEqual([]);
  return body;
}

describe('a whole (non-streaming) Responses answer', () => {
  it('is a valid Response with the text, the function calls and the usage', () => {
    const body = answer([
      ...textParts('t', 'Checking.'),
      ...toolCallParts('call_7', 'lookup', '{"q":"x"}'),
      finish('tool-calls', usage(30, 8, { cacheRead: 10 })),
    ]);
    expect(body).toMatchObject({
      id: 'resp_body',
      object: 'response',
      status: 'completed',
      model: meta.model,
      error: null,
    });
    expect(body.output).toEqual([
      {
        id: 'msg_body_0',
        type: 'message',
        role: 'assistant',
        status: 'completed',
        content: [{ type: 'output_text', text: 'Checking.', annotations: [], logprobs: [] }],
      },
      {
        id: 'fc_body_1',
        type: 'function_call',
        call_id: 'call_7',
        name: 'lookup',
        arguments: '{"q":"x"}',
        status: 'completed',
      },
    ]);
    expect(body.usage).toMatchObject({
      input_tokens: 30,
      input_tokens_details: { cached_tokens: 10 },
      total_tokens: 38,
    });
  });

  it('echoes the request’s settings as OpenAI does, and says it was not stored', () => {
    const tools = [{ type: 'function', name: 'lookup', parameters: { type: 'object' } }];
    const format = { type: 'json_schema', name: 'answer', schema: { type: 'object' }, strict: true };
    const body = answer([...textParts('t', '{}'), finish()], {
      instructions: 'Be brief.',
      tools,
      tool_choice: 'required',
      temperature: 0.5,
      top_p: 0.8,
      max_output_tokens: 99,
      metadata: { ticket: '42' },
      user: 'user-1',
      prompt_cache_key: 'conversation-1',
      store: true,
      reasoning: { effort: 'medium', summary: 'concise' },
      text: { format },
    });
    expect(body).toMatchObject({
      instructions: 'Be brief.',
      tools: [{ type: 'function', name: 'lookup', parameters: { type: 'object' }, strict: null }],
      tool_choice: 'required',
      temperature: 0.5,
      top_p: 0.8,
      max_output_tokens: 99,
      metadata: { ticket: '42' },
      user: 'user-1',
      prompt_cache_key: 'conversation-1',
      store: false,
      reasoning: { effort: 'medium', summary: 'concise' },
      text: { format },
    });
  });

  it('keeps a reasoning summary when asked for, and is incomplete when cut at the output limit', () => {
    const body = answer([...reasoningParts('r', ['Hmm.']), ...textParts('t', 'Once'), finish('length')], {
      reasoning: { summary: 'auto' },
    });
    expect(body.output[0]).toMatchObject({ type: 'reasoning', summary: [{ type: 'summary_text', text: 'Hmm.' }] });
    expect(body).toMatchObject({ status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } });
  });

  it('is failed, never completed, when the parts stop without a finish or end in an error', () => {
    expect(answer(textParts('t', 'Half'))).toMatchObject({ status: 'failed', error: { code: 'server_error' } });
    expect(answer([{ type: 'error', error: new Error('boom') }])).toMatchObject({
      status: 'failed',
      error: { code: 'server_error', message: 'boom' },
    });
  });
});

describe('a failure before the answer, in OpenAI’s error format', () => {
  const cases: Array<[string, number, string]> = [
    ['INVALID_INPUT', 400, 'invalid_request_error'],
    ['UNSUPPORTED_FIELD', 400, 'invalid_request_error'],
    ['PROVIDER_BAD_REQUEST', 400, 'invalid_request_error'],
    ['PROVIDER_AUTH', 401, 'authentication_error'],
    ['KEY_MISSING', 401, 'authentication_error'],
    ['UNKNOWN_MODEL', 404, 'invalid_request_error'],
    ['UNKNOWN_ENDPOINT', 404, 'invalid_request_error'],
    ['PROVIDER_NOT_FOUND', 404, 'invalid_request_error'],
    ['PROVIDER_RATE_LIMITED', 429, 'rate_limit_error'],
    ['CANCELLED', 499, 'cancelled'],
    ['INTERNAL', 500, 'server_error'],
    ['CONFIG_INVALID', 500, 'server_error'],
    ['KEYCHAIN_UNAVAILABLE', 500, 'server_error'],
    ['PROVIDER_UNAVAILABLE', 503, 'server_error'],
    ['TIMEOUT', 504, 'server_error'],
    ['NETWORK', 502, 'upstream_error'],
    ['ALL_TARGETS_FAILED', 502, 'upstream_error'],
    ['PROVIDER_STREAM_ERROR', 502, 'upstream_error'],
  ];
  it.each(cases)('%s answers %i %s', (code, status, type) => {
    const response = openAIResponsesCodec.toErrorResponse(code, 'What happened, and the fix.');
    expect(response.status).toBe(status);
    expect(response.body).toMatchObject({ error: { message: 'What happened, and the fix.', type, param: null } });
    expect(errorBodyErrors(response.body)).toEqual([]);
  });

  it('names OpenAI’s codes where it has them, the refused field, and when to retry after a 429', () => {
    expect(openAIResponsesCodec.toErrorResponse('UNKNOWN_MODEL', 'x').body).toMatchObject({
      error: { code: 'model_not_found' },
    });
    expect(
      openAIResponsesCodec.toErrorResponse('UNSUPPORTED_FIELD', 'x', { param: 'tools[0].type' }).body,
    ).toMatchObject({
      error: { code: 'unsupported_parameter', param: 'tools[0].type' },
    });
    const limited = openAIResponsesCodec.toErrorResponse('PROVIDER_RATE_LIMITED', 'Slow down', {
      retryAfterSeconds: 2.3,
    });
    expect(limited).toMatchObject({
      status: 429,
      headers: { 'retry-after': '3' },
      body: { error: { code: 'rate_limit_exceeded' } },
    });
    expect(openAIResponsesCodec.toErrorResponse('TIMEOUT', 'x', { retryAfterSeconds: 5 }).headers).toBeUndefined();
  });
});
