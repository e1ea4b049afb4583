import { describe, expect, it } from 'vitest';
import { pointsAtLocalApi } from './own-local-api';

describe("a base URL at Switchboard's own local API", () => {
  const apiBase = 'http://127.0.0.1:4141/v1';

  it.each([
    'http://127.0.0.1:4141/v1',
    'http://localhost:4141',
    'http://LOCALHOST.:4141/v1',
    'http://127.1:4141/v1',
    'http://0x7f000001:4141/v1',
    'http://0.0.0.0:4141',
    'http://[::1]:4141/v1',
    'http://[::ffff:127.0.0.1]:4141/v1',
    'http://api.localhost:4141/v1',
  ])('is %s', (baseURL) => {
    expect(pointsAtLocalApi(baseURL, apiBase)).toBe(true);
  });

  it.each([
    'http://127.0.0.1:11434/v1',
    'http://192.168.1.5:4141/v1',
    'https://api.openai.com/v1',
    'http://127.0.0.1/v1',
  ])('is not %s', (baseURL) => {
    expect(pointsAtLocalApi(baseURL, apiBase)).toBe(false);
  });

  it('compares default ports', () => {
    expect(pointsAtLocalApi('http://localhost/v1', 'http://127.0.0.1:80/v1')).toBe(true);
    expect(pointsAtLocalApi('https://localhost/v1', 'http://127.0.0.1:80/v1')).toBe(false);
  });
});
