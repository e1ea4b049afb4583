import { describe, expect, it } from 'vitest';
import { anthropicMessagesCodec } from './codec';
import { readCountTokensRequest } from './request-schema';

const read = anthropicMessagesCodec.readRequest;
const valid = { model: 'claude-sonnet-4-5', max_tokens: 64, messages: [{ role: 'user', content: 'Hi' }] };

describe('reading a Messages request', () => {
  it('gives the model and whether it streams, and returns the very body it was given', () => {
    const body = { ...valid, stream: true, some_future_field: { kept: true } };
    expect(read(body)).toEqual({ ok: true, body, modelId: 'claude-sonnet-4-5', isStream: true });
    expect(read(valid)).toMatchObject({ ok: true, isStream: false });
  });

  it('names a missing or wrong field the way Anthropic does', () => {
    const { max_tokens: _, ...noMaxTokens } = valid;
    expect(read(noMaxTokens)).toEqual({ ok: false, message: 'max_tokens: Field required', param: 'max_tokens' });
    expect(read({ ...valid, messages: [] })).toEqual({
      ok: false,
      message: 'messages: at least one message is required',
      param: 'messages',
    });
    expect(read({ ...valid, temperature: 1.5 })).toMatchObject({ ok: false, param: 'temperature' });
    expect(read({ ...valid, messages: [{ role: 'robot', content: 'x' }] })).toMatchObject({
      ok: false,
      param: 'messages.0.role',
    });
    expect(read({ ...valid, tool_choice: { type: 'tool' } })).toMatchObject({ ok: false, param: 'tool_choice.name' });
    expect(read('{"model": 1}')).toEqual({ ok: false, message: 'body: a Messages request is a JSON object' });
  });

  it('checks the blocks Switchboard reads, at their path, and leaves other block types to the target', () => {
    const content = (...blocks: unknown[]) => ({ ...valid, messages: [{ role: 'user', content: blocks }] });
    expect(
      read(content({ type: 'image', source: { type: 'base64', media_type: 'image/bmp', data: 'x' } })),
    ).toMatchObject({
      ok: false,
      param: 'messages.0.content.0.source.media_type',
    });
    expect(read(content({ type: 'text', text: 'a' }, { type: 'tool_result' }))).toMatchObject({
      ok: false,
      message: 'messages.0.content.1.tool_use_id: Field required',
    });
    // A tool result's own blocks are read too.
    const nested = { type: 'tool_result', tool_use_id: 't', content: [{ type: 'text' }] };
    expect(read(content(nested))).toMatchObject({ ok: false, param: 'messages.0.content.0.content.0.text' });
    expect(read(content({ type: 'a_block_from_next_year', anything: 1 }))).toMatchObject({ ok: true });
  });

  it('reads a count_tokens request, which has no max_tokens', () => {
    const { max_tokens: _, ...countBody } = valid;
    expect(readCountTokensRequest(countBody)).toMatchObject({ ok: true, modelId: 'claude-sonnet-4-5' });
    expect(readCountTokensRequest({ model: 'x' })).toMatchObject({ ok: false, param: 'messages' });
  });
});
