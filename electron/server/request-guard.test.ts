import { describe, expect, it } from 'vitest';
import { toHeaderValue } from './header-value';
import {
  isJsonContentType,
  isLoopbackHost,
  isOwnOrigin,
  isSecretValid,
  presentedApiKey,
  presentedPageSecret,
  requestPath,
} from './request-guard';
import { resolveStaticPath } from './static-files';

describe('request guard', () => {
  it('accepts only loopback host names on our port', () => {
    expect(isLoopbackHost('127.0.0.1:4000', 4000)).toBe(true);
    expect(isLoopbackHost('localhost:4000', 4000)).toBe(true);
    expect(isLoopbackHost('evil.example:4000', 4000)).toBe(false);
    expect(isLoopbackHost('127.0.0.1:4001', 4000)).toBe(false);
    expect(isLoopbackHost(undefined, 4000)).toBe(false);
    expect(isOwnOrigin('http://127.0.0.1:4000', 4000)).toBe(true);
    expect(isOwnOrigin('http://evil.example', 4000)).toBe(false);
    expect(isOwnOrigin('null', 4000)).toBe(false);
  });
  it('reads the API key from a bearer header or x-api-key only, never a cookie or the query', () => {
    expect(presentedApiKey({ authorization: 'Bearer abc' })).toBe('abc');
    expect(presentedApiKey({ 'x-api-key': 'def' })).toBe('def');
    expect(presentedApiKey({ cookie: 'switchboard_token=ghi' })).toBeUndefined();
    expect(presentedApiKey({ cookie: 'switchboard_token=%E0' })).toBeUndefined();
    expect(presentedApiKey({})).toBeUndefined();
  });
  it('reads the page secret from the offered subprotocols only', () => {
    expect(presentedPageSecret({ 'sec-websocket-protocol': 'switchboard, switchboard-session.xyz' })).toBe('xyz');
    expect(presentedPageSecret({ 'sec-websocket-protocol': 'switchboard' })).toBeUndefined();
    expect(presentedPageSecret({ authorization: 'Bearer xyz' })).toBeUndefined();
  });
  it('compares secrets exactly', () => {
    expect(isSecretValid('secret', 'secret')).toBe(true);
    expect(isSecretValid('secreT', 'secret')).toBe(false);
    expect(isSecretValid('sec', 'secret')).toBe(false);
    expect(isSecretValid('', 'secret')).toBe(false);
    expect(isSecretValid(undefined, 'secret')).toBe(false);
  });
  it('reads a request path without throwing on a target that is not a URL', () => {
    expect(requestPath('/v1/models?x=1')).toBe('/v1/models');
    expect(requestPath('http://127.0.0.1:4000/v1/models')).toBe('/v1/models');
    expect(requestPath('http://[/')).toBeNull();
  });
  it('reads a plain path as the URL parser does, and leaves anything else to it', () => {
    const targets = ['/', '/v1', '/v1/', '/v1/chat/completions', '/A_b-c/D9', '//evil/v1', '/v1//x', '/a/../v1/models'];
    for (const target of [...targets, '/%76%31/models', '/v1\\models', '/v1/./models', '', 'v1/models']) {
      expect(requestPath(target)).toBe(new URL(target, 'http://127.0.0.1').pathname);
    }
  });
  it('takes JSON bodies only', () => {
    expect(isJsonContentType('application/json')).toBe(true);
    expect(isJsonContentType('Application/JSON; charset=utf-8')).toBe(true);
    expect(isJsonContentType('text/plain')).toBe(false);
    expect(isJsonContentType(undefined)).toBe(false);
  });
  it('never serves a file outside the renderer folder, and names a malformed escape', () => {
    expect(resolveStaticPath('/app/out/renderer', '/assets/index.js')).toBe('/app/out/renderer/assets/index.js');
    expect(resolveStaticPath('/app/out/renderer', '/')).toBe('/app/out/renderer/index.html');
    expect(resolveStaticPath('/app/out/renderer', '/../../etc/passwd')).toBeNull();
    expect(resolveStaticPath('/app/out/renderer', '/%2e%2e/secret')).toBeNull();
    expect(resolveStaticPath('/app/out/renderer', '/%E0%A4%A')).toBe('malformed');
  });
  it('percent-encodes header values that are not visible ASCII, reversibly', () => {
    expect(toHeaderValue('local/llama3.2')).toBe('local/llama3.2');
    expect(toHeaderValue('fake/你好')).toBe('fake/%E4%BD%A0%E5%A5%BD');
    expect(toHeaderValue('a b%\r\n')).toBe('a%20b%25%0D%0A');
    expect(decodeURIComponent(toHeaderValue('fake/你好 100%'))).toBe('fake/你好 100%');
    expect(toHeaderValue('\ud800')).toBe('%EF%BF%BD');
  });
});
