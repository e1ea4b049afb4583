import { describe, expect, it } from 'vitest';
import { isLoopbackHost, isTokenValid, presentedToken } from './request-guard';
import { resolveStaticPath } from './static-files';

describe('request guard', () => {
  it('accepts only loopback host names on our port', () => {
    expect(isLoopbackHost('127.0.0.1:4000', 4000)).toBe(true);
    expect(isLoopbackHost('localhost:4000', 4000)).toBe(true);
    expect(isLoopbackHost('evil.example:4000', 4000)).toBe(false);
    expect(isLoopbackHost('127.0.0.1:4001', 4000)).toBe(false);
    expect(isLoopbackHost(undefined, 4000)).toBe(false);
  });
  it('reads the token from a bearer header, the query or the cookie', () => {
    expect(presentedToken({ headers: { authorization: 'Bearer abc' }, url: '/' })).toBe('abc');
    expect(presentedToken({ headers: {}, url: '/?token=def' })).toBe('def');
    expect(presentedToken({ headers: { cookie: 'a=1; switchboard_token=ghi' }, url: '/x' })).toBe('ghi');
    expect(presentedToken({ headers: {}, url: '/' })).toBeUndefined();
  });
  it('compares tokens exactly', () => {
    expect(isTokenValid('secret', 'secret')).toBe(true);
    expect(isTokenValid('secreT', 'secret')).toBe(false);
    expect(isTokenValid('sec', 'secret')).toBe(false);
    expect(isTokenValid(undefined, 'secret')).toBe(false);
  });
  it('never serves a file outside the renderer folder', () => {
    expect(resolveStaticPath('/app/out/renderer', '/assets/index.js')).toBe('/app/out/renderer/assets/index.js');
    expect(resolveStaticPath('/app/out/renderer', '/')).toBe('/app/out/renderer/index.html');
    expect(resolveStaticPath('/app/out/renderer', '/../../etc/passwd')).toBeNull();
    expect(resolveStaticPath('/app/out/renderer', '/%2e%2e/secret')).toBeNull();
  });
});
