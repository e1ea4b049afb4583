import { describe, expect, it } from 'vitest';
import { openAIChatCodec } from './index';

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
