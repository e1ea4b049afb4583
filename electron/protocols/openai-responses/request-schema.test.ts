import { describe, expect, it } from 'vitest';
import { readResponsesRequest } from './request-schema';

describe('reading a Responses request', () => {
  it('gives the model and whether it streams, keeping the body exactly as sent (unknown fields too)', () => {
    const body = {
      model: 'claude',
      input: [
        { role: 'user', content: 'Hi' },
        { type: 'web_search_call', id: 'ws_1', status: 'completed', action: { type: 'search' } },
      ],
      stream: true,
      store: false,
      include: ['reasoning.encrypted_content'],
      a_future_field: { kept: true },
    };
    const result = readResponsesRequest(body);
    expect(result).toEqual({ ok: true, body, modelId: 'claude', isStream: true });
    expect(readResponsesRequest({ model: 'm', input: 'hi' })).toMatchObject({ ok: true, isStream: false });
  });

  it('takes a request without input (OpenAI builds one from a stored prompt or conversation)', () => {
    expect(readResponsesRequest({ model: 'm', previous_response_id: 'resp_1' })).toMatchObject({ ok: true });
  });

  it('names the field at fault, down to the item and part', () => {
    const cases: Array<[unknown, string]> = [
      [{ input: 'hi' }, 'model'],
      [{ model: 'm', input: 42 }, 'input'],
      [{ model: 'm', input: [{ role: 'robot', content: 'x' }] }, 'input[0].role'],
      [{ model: 'm', input: [{ type: 'function_call', name: 'f', arguments: '{}' }] }, 'input[0].call_id'],
      [{ model: 'm', input: [{ type: 'function_call_output', call_id: 'c' }] }, 'input[0].output'],
      [{ model: 'm', input: [{ type: 'reasoning', summary: 'text' }] }, 'input[0].summary'],
      [{ model: 'm', input: 'x', tools: [{ type: 'function' }] }, 'tools[0].name'],
      [{ model: 'm', input: 'x', temperature: 3 }, 'temperature'],
      [{ model: 'm', input: 'x', max_output_tokens: 0 }, 'max_output_tokens'],
      [{ model: 'm', input: 'x', reasoning: { effort: 'extreme' } }, 'reasoning.effort'],
      [{ model: 'm', input: 'x', text: { format: { type: 'json_schema', name: 'a' } } }, 'text.format.schema'],
      [{ model: 'm', input: 'x', metadata: { a: 1 } }, 'metadata.a'],
      [{ model: 'm', input: 'x', stream: 'yes' }, 'stream'],
    ];
    for (const [body, param] of cases) {
      const result = readResponsesRequest(body);
      expect(result, JSON.stringify(body)).toMatchObject({ ok: false, param });
      if (!result.ok) expect(result.message).toContain(`"${param}"`);
    }
  });

  it('refuses a body that is not an object, with a message', () => {
    const result = readResponsesRequest([1, 2]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message.length).toBeGreaterThan(0);
  });

  it('needs a type (or a role) on every item', () => {
    expect(readResponsesRequest({ model: 'm', input: [{ content: 'x' }] })).toMatchObject({
      ok: false,
      param: 'input[0]',
    });
  });
});
