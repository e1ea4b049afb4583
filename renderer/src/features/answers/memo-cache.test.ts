import { describe, expect, it } from 'vitest';
import { createMemoCache } from './memo-cache';

describe('a bounded memo of computed values', () => {
  it('computes a key once while it is kept, and forgets the least recently used beyond its capacity', () => {
    const computed: string[] = [];
    const { get: lengthOf, forget } = createMemoCache((key) => {
      computed.push(key);
      return key.length;
    }, 2);
    expect(lengthOf('a')).toBe(1);
    expect(lengthOf('bb')).toBe(2);
    expect(lengthOf('a')).toBe(1);
    expect(computed).toEqual(['a', 'bb']);
    // 'bb' is now the least recently used: a third key pushes it out, 'a' stays.
    expect(lengthOf('ccc')).toBe(3);
    expect(lengthOf('a')).toBe(1);
    expect(lengthOf('bb')).toBe(2);
    expect(computed).toEqual(['a', 'bb', 'ccc', 'bb']);
    forget('bb');
    expect(lengthOf('bb')).toBe(2);
    expect(computed).toEqual(['a', 'bb', 'ccc', 'bb', 'bb']);
  });
});
