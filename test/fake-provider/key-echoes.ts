import type { EndpointKind } from '../../shared/types/config';
import type { FakeResponse } from './fake-provider';
import type { WireFormat } from './wire-format';

/** The forms in which a provider may echo a key back: whole, inside a code, cut off, half-masked, shortened. */
export function keyEchoes(key: string) {
  return {
    whole: key,
    inCode: `invalid_key_${key}`,
    cutOff: key.slice(0, 20),
    starMasked: `${key.slice(0, 8)}${'*'.repeat(16)}${key.slice(-4)}`,
    dotted: `${key.slice(0, 7)}...${key.slice(-4)}`,
  };
}

/** What must appear nowhere: every echo form, and the key's middle, which only a leak could carry. */
export function keyTraces(key: string): string[] {
  const { whole, cutOff, dotted } = keyEchoes(key);
  return [whole, cutOff, dotted, key.slice(6, 22)];
}

export const kindsOf: Record<WireFormat, EndpointKind[]> = {
  'openai-chat': ['openai-compatible', 'openrouter', 'vercel'],
  'openai-responses': ['openai'],
  anthropic: ['anthropic'],
  google: ['google'],
};

export interface KeyEchoCase {
  name: string;
  response: FakeResponse;
}

const replay = (...events: unknown[]): FakeResponse => ({
  kind: 'replay',
  chunks: events.map((event) => JSON.stringify(event)),
});

/** Error events inside a stream, in each wire format's own shapes, carrying the key in every field. */
export function streamErrorsEchoingKey(format: WireFormat, key: string): KeyEchoCase[] {
  const echo = keyEchoes(key);
  const message = `Incorrect API key provided: ${echo.starMasked} (${echo.dotted}, ${echo.cutOff}, ${key})`;
  switch (format) {
    case 'openai-chat': {
      const text = { id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm' };
      return [
        { name: 'an error event with only a code', response: replay({ error: { code: echo.inCode } }) },
        {
          name: 'an error event with the key in every field',
          response: replay({
            error: { message, type: echo.inCode, param: key, code: echo.inCode, metadata: { raw: key } },
          }),
        },
        {
          name: 'an error event after text',
          response: replay(
            { ...text, choices: [{ index: 0, delta: { role: 'assistant', content: 'Hel' }, finish_reason: null }] },
            { error: { message, type: echo.inCode, code: echo.inCode } },
          ),
        },
      ];
    }
    case 'openai-responses': {
      const response = { id: 'resp_fake', object: 'response', created_at: 1, model: 'm', output: [] };
      const created = {
        type: 'response.created',
        sequence_number: 0,
        response: { ...response, status: 'in_progress' },
      };
      return [
        {
          name: 'a nested error event',
          response: replay(created, {
            type: 'error',
            sequence_number: 1,
            error: { type: echo.inCode, code: echo.inCode, message, param: key },
          }),
        },
        {
          name: 'a flat error event',
          response: replay(created, { type: 'error', sequence_number: 1, code: echo.inCode, message, param: key }),
        },
        {
          name: 'a failed response',
          response: replay(created, {
            type: 'response.failed',
            sequence_number: 1,
            response: {
              ...response,
              status: 'failed',
              error: { code: echo.inCode, message },
              incomplete_details: null,
              usage: null,
            },
          }),
        },
      ];
    }
    case 'anthropic': {
      const start = {
        type: 'message_start',
        message: {
          id: 'msg_fake',
          type: 'message',
          role: 'assistant',
          model: 'm',
          content: [],
          stop_reason: null,
          stop_sequence: null,
          usage: { input_tokens: 5, output_tokens: 1 },
        },
      };
      const error = { type: 'error', error: { type: echo.inCode, message } };
      return [
        { name: 'an error event', response: replay(start, error) },
        {
          name: 'an error event after text',
          response: replay(
            start,
            { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
            { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Hel' } },
            error,
          ),
        },
      ];
    }
    case 'google': {
      const error = {
        error: {
          code: 400,
          message,
          status: echo.inCode,
          details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: echo.inCode, metadata: { key } }],
        },
      };
      const text = { candidates: [{ content: { parts: [{ text: 'Hel' }], role: 'model' }, index: 0 }] };
      return [
        { name: 'an error event', response: replay(error) },
        { name: 'an error event after text', response: replay(text, error) },
      ];
    }
  }
}

/** HTTP error bodies of every provider's shape (and one that is not JSON), carrying the key. */
export function httpErrorsEchoingKey(key: string): KeyEchoCase[] {
  const echo = keyEchoes(key);
  const message = `Incorrect API key provided: ${echo.starMasked} (${echo.dotted}, ${echo.cutOff}, ${key})`;
  return [
    {
      name: 'a 401 in OpenAI shape',
      response: {
        kind: 'http-error',
        status: 401,
        body: { error: { message, type: echo.inCode, param: key, code: echo.inCode } },
      },
    },
    {
      name: 'a 400 in Anthropic shape',
      response: { kind: 'http-error', status: 400, body: { type: 'error', error: { type: echo.inCode, message } } },
    },
    {
      name: 'a 400 in Gemini shape',
      response: {
        kind: 'http-error',
        status: 400,
        body: {
          error: {
            code: 400,
            message,
            status: echo.inCode,
            details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: echo.inCode, metadata: { key } }],
          },
        },
      },
    },
    {
      name: 'a 502 that is not JSON',
      response: { kind: 'http-error', status: 502, body: `<html><body>upstream refused ${message}</body></html>` },
    },
  ];
}

/** Gemini's real answer to a wrong key: 400 INVALID_ARGUMENT with reason API_KEY_INVALID. */
export const geminiKeyInvalidBody = {
  error: {
    code: 400,
    message: 'API key not valid. Please pass a valid API key.',
    status: 'INVALID_ARGUMENT',
    details: [
      {
        '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
        reason: 'API_KEY_INVALID',
        domain: 'googleapis.com',
        metadata: { service: 'generativelanguage.googleapis.com' },
      },
      {
        '@type': 'type.googleapis.com/google.rpc.LocalizedMessage',
        locale: 'en-US',
        message: 'API key not valid. Please pass a valid API key.',
      },
    ],
  },
};
