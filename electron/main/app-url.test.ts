import { describe, expect, it } from 'vitest';
import { isAppUrl, resolveAppRequest, toExternalUrl } from './app-url';
import { isTrustedSender } from './validate-sender';

describe('app URLs', () => {
  it("accepts the app's own origin and exactly the dev server", () => {
    expect(isAppUrl('app://switchboard/index.html')).toBe(true);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('https://example.com')).toBe(false);
    expect(isAppUrl('http://localhost:5173/', { devServerUrl: 'http://localhost:5173' })).toBe(true);
    expect(isAppUrl('http://localhost:5174/', { devServerUrl: 'http://localhost:5173' })).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('hands only http(s) links to the system browser', () => {
    expect(toExternalUrl('https://openai.com/pricing')).toBe('https://openai.com/pricing');
    expect(toExternalUrl('file:///etc/passwd')).toBeNull();
    expect(toExternalUrl('javascript:alert(1)')).toBeNull();
    expect(toExternalUrl('smb://host/share')).toBeNull();
  });

  it('serves only files inside the renderer folder', () => {
    const root = '/opt/app/renderer';
    expect(resolveAppRequest('app://switchboard/', root)).toEqual({ file: '/opt/app/renderer/index.html' });
    expect(resolveAppRequest('app://switchboard/assets/a.js', root)).toEqual({
      file: '/opt/app/renderer/assets/a.js',
    });
    // The URL parser already folds dot segments at the root; an encoded slash must not escape either.
    expect(resolveAppRequest('app://switchboard/%2e%2e/%2e%2e/etc/passwd', root)).toEqual({
      file: '/opt/app/renderer/etc/passwd',
    });
    expect(resolveAppRequest('app://switchboard/..%2f..%2fetc%2fpasswd', root)).toMatchObject({ status: 404 });
  });

  it('answers a malformed escape or a NUL byte with 400 instead of throwing', () => {
    const root = '/opt/app/renderer';
    expect(resolveAppRequest('app://switchboard/%E0%A4%A', root)).toMatchObject({ status: 400 });
    expect(resolveAppRequest('app://switchboard/%', root)).toMatchObject({ status: 400 });
    expect(resolveAppRequest('app://switchboard/index.html%00.js', root)).toMatchObject({ status: 400 });
    expect(resolveAppRequest('not a url', root)).toMatchObject({ status: 400 });
  });

  it('trusts only the top-level app frame', () => {
    expect(isTrustedSender({ url: 'app://switchboard/index.html', parent: null })).toBe(true);
    expect(isTrustedSender({ url: 'app://switchboard/index.html', parent: {} })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});
