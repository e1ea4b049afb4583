import { describe, expect, it } from 'vitest';
import { openAISpecErrors } from '../../../test/integration/openai-spec';
import { openAIChatCodec } from './index';

const respond = openAIChatCodec.toErrorResponse;

describe("errors in OpenAI's format", () => {
  it.each([
    ['INVALID_INPUT', 400, 'invalid_request_error'],
    ['UNSUPPORTED_FIELD', 400, 'invalid_request_error'],
    ['PROVIDER_AUTH', 401, 'authentication_error'],
    ['KEY_MISSING', 401, 'authentication_error'],
    ['FORBIDDEN', 403, 'permission_error'],
    ['UNKNOWN_MODEL', 404, 'invalid_request_error'],
    ['PROVIDER_RATE_LIMITED', 429, 'rate_limit_error'],
    ['CANCELLED', 499, 'cancelled'],
    ['CONFIG_INVALID', 500, 'server_error'],
    ['ALL_TARGETS_FAILED', 502, 'upstream_error'],
    ['PROVIDER_UNAVAILABLE', 503, 'server_error'],
    ['TIMEOUT', 504, 'timeout'],
  ])('%s → %i %s', (code, status, type) => {
    const response = respond(code, 'What went wrong and how to fix it.');
    expect(response.status).toBe(status);
    expect(openAISpecErrors('ErrorResponse', response.body)).toBe('');
    expect(response.body).toMatchObject({ error: { type, message: 'What went wrong and how to fix it.' } });
  });

  it('names the model_not_found code and the refused parameter as OpenAI does', () => {
    expect(respond('UNKNOWN_MODEL', 'no model "x"').body).toMatchObject({
      error: { code: 'model_not_found', param: null },
    });
    expect(respond('UNSUPPORTED_FIELD', '"seed" cannot be sent', { param: 'seed' }).body).toMatchObject({
      error: { code: 'unsupported_parameter', param: 'seed' },
    });
  });

  it('says when to come back on a 429 or 503, whole seconds, at least one', () => {
    expect(respond('PROVIDER_RATE_LIMITED', 'slow down', { retryAfterSeconds: 2.2 }).headers).toEqual({
      'retry-after': '3',
    });
    expect(respond('PROVIDER_RATE_LIMITED', 'slow down').headers).toEqual({ 'retry-after': '1' });
    expect(respond('PROVIDER_UNAVAILABLE', 'down', { retryAfterSeconds: 30 }).headers).toEqual({ 'retry-after': '30' });
    expect(respond('INVALID_INPUT', 'bad').headers).toBeUndefined();
  });
});
