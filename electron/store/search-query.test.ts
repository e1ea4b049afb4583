import { describe, expect, it } from 'vitest';
import { toMatchQuery } from './search-query';

describe('a search as FTS5 reads it', () => {
  it('looks for every word as a prefix, leaving operators and quotes out', () => {
    expect(toMatchQuery('Capital of fra')).toBe('"Capital"* "of"* "fra"*');
    expect(toMatchQuery('"NEAR(a b)" OR -x*')).toBe('"NEAR"* "a"* "b"* "OR"* "x"*');
    expect(toMatchQuery('café über')).toBe('"café"* "über"*');
  });

  it('is null when there is no word to look for', () => {
    expect(toMatchQuery('')).toBeNull();
    expect(toMatchQuery(' "* - ')).toBeNull();
  });
});
