import { describe, expect, it } from 'vitest';
import { maskKey } from './mask-key';

describe('maskKey', () => {
  it('shows the last four characters of a key long enough for them to be a small part of it', () => {
    expect(maskKey('sk-abcdef123456')).toEqual({ isSet: true, last4: '3456' });
  });

  it('shows nothing of a short key, where four characters would be half of it or all', () => {
    expect(maskKey('abc')).toEqual({ isSet: true, last4: '' });
    expect(maskKey('lm-studio')).toEqual({ isSet: true, last4: '' });
  });

  it('says when no key is set', () => {
    expect(maskKey(undefined)).toEqual({ isSet: false, last4: null });
    expect(maskKey('')).toEqual({ isSet: false, last4: null });
  });
});
