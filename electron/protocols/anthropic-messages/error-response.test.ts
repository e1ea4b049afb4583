import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../../../shared/errors/codes';
import { startCannedAnthropicServer } from '../../../test/integration/canned-anthropic-server';
import { anthropicErrorFor, errorEvent, toMessagesErrorResponse } from './error-response';

let server: Awaited<ReturnType<typeof startCannedAnthropicServer>>;
beforeAll(async () => {
  server = await startCannedAnthropicServer();
});
afterAll(() => server.close());

/** What the official client throws for an error response. */
async function thrownBy(code: string, message: string, retryAfterSeconds?: number) {
  const response = toMessagesErrorResponse(code, message, { retryAfterSeconds });
  server.answerWith({
    status: response.status,
    body: JSON.stringify(response.body),
    headers: { 'content-type': 'application/json', ...response.headers },
  });
  return server.client.messages
    .create({ model: 'route', max_tokens: 10, messages: [{ role: 'user', content: 'Hi' }] })
    .then(
      () => undefined,
      (error: unknown) => error,
    );
}

describe("errors in Anthropic's format", () => {
  it('give each Switchboard code a status and type the official client turns into its own error class', async () => {
    const cases = [
      ['INVALID_INPUT', 400, 'invalid_request_error', Anthropic.BadRequestError],
      ['UNSUPPORTED_FIELD', 400, 'invalid_request_error', Anthropic.BadRequestError],
      ['PROVIDER_AUTH', 401, 'authentication_error', Anthropic.AuthenticationError],
      ['FORBIDDEN', 403, 'permission_error', Anthropic.PermissionDeniedError],
      ['UNKNOWN_MODEL', 404, 'not_found_error', Anthropic.NotFoundError],
      ['PROVIDER_RATE_LIMITED', 429, 'rate_limit_error', Anthropic.RateLimitError],
      ['PROVIDER_UNAVAILABLE', 529, 'overloaded_error', Anthropic.InternalServerError],
      ['ALL_TARGETS_FAILED', 502, 'api_error', Anthropic.InternalServerError],
      ['TIMEOUT', 504, 'timeout_error', Anthropic.InternalServerError],
    ] as const;
    for (const [code, status, type, errorClass] of cases) {
      const error = await thrownBy(code, `failed with ${code}`);
      expect(error, code).toBeInstanceOf(errorClass);
      expect(error).toMatchObject({
        status,
        error: { type: 'error', error: { type, message: `failed with ${code}` } },
      });
    }
  });

  it('gives every error code of Switchboard a known status', () => {
    for (const code of Object.values(errorCodes)) {
      const { status, type } = anthropicErrorFor(code);
      expect(status, code).toBeGreaterThanOrEqual(400);
      expect(type).toMatch(/_error$/);
    }
  });

  it('tells a rate-limited client when to come back, in whole seconds', async () => {
    expect(toMessagesErrorResponse('PROVIDER_RATE_LIMITED', 'slow down', { retryAfterSeconds: 7.2 }).headers).toEqual({
      'retry-after': '8',
    });
    const error = (await thrownBy('PROVIDER_RATE_LIMITED', 'slow down', 3)) as InstanceType<typeof Anthropic.APIError>;
    expect(error.headers?.get('retry-after')).toBe('3');
    expect(toMessagesErrorResponse('INVALID_INPUT', 'bad').headers).toBeUndefined();
  });

  it('writes a failure mid-stream as an error event', () => {
    expect(errorEvent('PROVIDER_RATE_LIMITED', 'quota gone')).toBe(
      'event: error\ndata: {"type":"error","error":{"type":"rate_limit_error","message":"quota gone"}}\n\n',
    );
  });
});
