import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { keyEchoes, keyTraces } from '../../test/fake-provider/key-echoes';
import { ProviderError } from './provider-error';
import { redactKey, withoutKey } from './redact-key';

const key = 'sk-proj-Q7vX2mN9pL4kR8tY3wZ6bC1d';
const echo = keyEchoes(key);

describe('redactKey', () => {
  it.each([
    ['whole', `Incorrect API key ${key}.`, 'Incorrect API key [redacted key].'],
    ['inside a code', echo.inCode, 'invalid_key_[redacted key]'],
    ['cut off', `key ${echo.cutOff} is unknown`, 'key [redacted key] is unknown'],
    ['in another case', `KEY ${key.toUpperCase()} REJECTED`, 'KEY [redacted key] REJECTED'],
    ['half-masked with stars', `provided: ${echo.starMasked}.`, 'provided: [redacted key].'],
    ['shortened with dots', `provided: ${echo.dotted}.`, 'provided: [redacted key].'],
    ['shortened with an ellipsis', `provided: ${key.slice(0, 10)}…`, 'provided: [redacted key]'],
    ['its end after dots', `provided: ...${key.slice(-4)}`, 'provided: [redacted key]'],
  ])('removes a key echoed %s', (_form, text, expected) => {
    expect(redactKey(text, key)).toBe(expected);
  });

  it('leaves ordinary text alone', () => {
    const text = 'Model gpt-4o-mini is overloaded... try again in 3s (request req_abc123).';
    expect(redactKey(text, key)).toBe(text);
  });

  it('still hides star-masked keys when the key is not known', () => {
    expect(redactKey(`provided: ${echo.starMasked}`, undefined)).toBe('provided: [redacted key]');
  });

  it('keeps the endpoint id readable when the key is part of it', () => {
    expect(redactKey('local-lm-studio answered 401: key lm-studio refused', 'lm-studio', 'local-lm-studio')).toBe(
      'local-lm-studio answered 401: key [redacted key] refused',
    );
  });

  it('redacts each text with its own key when calls of several endpoints interleave', () => {
    const other = 'sk-other-9f8e7d6c5b4a3210zyxw';
    expect(redactKey(`model ${key}`, key)).toBe('model [redacted key]');
    expect(redactKey(`model ${key}`, other)).toBe(`model ${key}`);
    expect(redactKey(`model ${other}`, other)).toBe('model [redacted key]');
    expect(redactKey('stop', other)).toBe('stop');
    expect(redactKey(`cut ${key.slice(0, 14)}`, key)).toBe('cut [redacted key]');
  });

  it('removes a short key only where it appears whole', () => {
    expect(redactKey('token abcd1234 refused; abcd is fine', 'abcd1234')).toBe(
      'token [redacted key] refused; abcd is fine',
    );
  });
});

describe('withoutKey', () => {
  it('redacts the message, the provider type and the whole cause chain, keeping system codes', () => {
    const socket = Object.assign(new Error(`connect ECONNREFUSED (sent ${key})`), { code: 'ECONNREFUSED' });
    const fetchFailed = new TypeError(`fetch failed for ${echo.cutOff}`, { cause: socket });
    const error = new ProviderError({
      code: 'NETWORK',
      status: 400,
      isRetryable: true,
      retryAfterMs: 1000,
      providerType: echo.inCode,
      message: `bad key ${echo.dotted}`,
      cause: fetchFailed,
    });
    const clean = withoutKey(error, key);
    const shown = inspect(clean, { depth: Infinity, showHidden: true });
    for (const trace of keyTraces(key)) expect(shown).not.toContain(trace);
    expect(clean).toMatchObject({
      code: 'NETWORK',
      status: 400,
      isRetryable: true,
      retryAfterMs: 1000,
      providerType: 'invalid_key_[redacted key]',
      message: 'bad key [redacted key]',
    });
    const cause = clean.cause as Error & { cause: Error & { code: string } };
    expect(cause.message).toBe('fetch failed for [redacted key]');
    expect(cause.cause).toMatchObject({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED (sent [redacted key])' });
  });
});
