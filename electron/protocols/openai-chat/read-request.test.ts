import { describe, expect, it } from 'vitest';
import { openAIChatCodec } from './index';
import { isPlainChatRequest } from './read-request';
import { chatCompletionRequestSchema } from './request-schema';

describe('reading a Chat Completions request', () => {
  it('keeps the body as sent, unknown fields included, and says the model and whether it streams', () => {
    const body = { model: 'fast', messages: [{ role: 'user', content: 'Hi' }], stream: true, top_k: 3 };
    expect(openAIChatCodec.readRequest(body)).toEqual({ ok: true, body, modelId: 'fast', isStream: true });
  });

  it('accepts every role and part Chat Completions defines', () => {
    const body = {
      model: 'm',
      messages: [
        { role: 'developer', content: 'Be brief.' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Look' },
            { type: 'image_url', image_url: { url: 'https://example.com/a.png', detail: 'high' } },
            { type: 'input_audio', input_audio: { data: 'UklGRg==', format: 'wav' } },
            { type: 'file', file: { file_id: 'file-1' } },
          ],
        },
        {
          role: 'assistant',
          content: null,
          tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '{}' } }],
        },
        { role: 'tool', tool_call_id: 'c', content: 'ok' },
        { role: 'assistant', content: null, function_call: { name: 'f', arguments: '{}' } },
        { role: 'function', name: 'f', content: 'ok' },
      ],
    };
    expect(openAIChatCodec.readRequest(body)).toMatchObject({ ok: true, isStream: false });
  });

  it('keeps part and response format types it does not know, for targets that speak the protocol', () => {
    const body = {
      model: 'm',
      messages: [{ role: 'user', content: [{ type: 'video_url', video_url: { url: 'https://a/b.mp4' } }] }],
      response_format: { type: 'structural_tag', structures: [] },
    };
    expect(openAIChatCodec.readRequest(body)).toMatchObject({ ok: true });
    const malformed = {
      model: 'm',
      messages: body.messages,
      response_format: { type: 'json_schema', json_schema: {} },
    };
    expect(openAIChatCodec.readRequest(malformed)).toMatchObject({
      ok: false,
      param: 'response_format.json_schema.name',
    });
  });

  it('refuses a malformed request with a message and the param it concerns', () => {
    const noUrl = { model: 'm', messages: [{ role: 'user', content: [{ type: 'image_url', image_url: {} }] }] };
    expect(openAIChatCodec.readRequest(noUrl)).toMatchObject({
      ok: false,
      param: 'messages[0].content[0].image_url.url',
    });
    const hot = { model: 'm', messages: [{ role: 'user', content: 'Hi' }], temperature: 7 };
    expect(openAIChatCodec.readRequest(hot)).toMatchObject({
      ok: false,
      param: 'temperature',
      message: expect.stringContaining('temperature'),
    });
    const orphan = { model: 'm', messages: [{ role: 'tool', content: 'x' }] };
    expect(openAIChatCodec.readRequest(orphan)).toMatchObject({ ok: false, param: 'messages[0].tool_call_id' });
    expect(openAIChatCodec.readRequest({ messages: [] })).toMatchObject({ ok: false, param: 'model' });
  });
});

describe('the plain-request check before the schema', () => {
  const user = { role: 'user', content: 'Hi' };
  const bodies: unknown[] = [
    { model: 'm', messages: [user] },
    { model: 'm', messages: [user], stream: true, temperature: 0.7, top_p: 1, max_tokens: 64 },
    { model: 'm', messages: [{ role: 'system', content: 'Be brief.', name: 'x' }, user], stream: null },
    { model: 'm', messages: [user], max_completion_tokens: 10 },
    { model: '', messages: [user] },
    { model: 'm', messages: [] },
    { model: 'm', messages: [user], temperature: 2.5 },
    { model: 'm', messages: [user], top_p: -1 },
    { model: 'm', messages: [user], max_tokens: 0 },
    { model: 'm', messages: [user], max_tokens: 1.5 },
    { model: 'm', messages: [user], stream: 'yes' },
    { model: 'm', messages: [{ role: 'user', content: 3 }] },
    { model: 'm', messages: [{ role: 'robot', content: 'x' }] },
    { model: 'm', messages: [{ role: 'user', content: 'x', name: 7 }] },
    { model: 'm', messages: [{ role: 'tool', content: 'x' }] },
    { model: 'm', messages: [user], tools: [] },
    { model: 7, messages: [user] },
    { messages: [user] },
    [],
    null,
    'text',
    JSON.parse('{"model":"m","messages":[{"role":"user","content":"Hi"}],"__proto__":{"x":1}}'),
  ];

  it.each(bodies.map((body) => [JSON.stringify(body), body]))(
    '%s: passes only what the schema passes',
    (_name, body) => {
      if (isPlainChatRequest(body)) expect(chatCompletionRequestSchema.safeParse(body).success).toBe(true);
    },
  );

  it('takes the common request without running the schema, and still names the field of a bad one', () => {
    const safeParse = chatCompletionRequestSchema.safeParse.bind(chatCompletionRequestSchema);
    let runs = 0;
    chatCompletionRequestSchema.safeParse = ((value: unknown) => {
      runs += 1;
      return safeParse(value);
    }) as typeof chatCompletionRequestSchema.safeParse;
    try {
      expect(openAIChatCodec.readRequest(bodies[1])).toMatchObject({ ok: true, modelId: 'm', isStream: true });
      expect(runs).toBe(0);
      expect(openAIChatCodec.readRequest(bodies[6])).toMatchObject({ ok: false, param: 'temperature' });
      expect(runs).toBe(1);
    } finally {
      chatCompletionRequestSchema.safeParse = safeParse;
    }
  });
});
