import { describe, expect, it } from 'vitest';
import { answerLetter, blindOrder } from './blind-order';

describe('the order of a blind compare', () => {
  it('is a permutation of the panes, the same every time for one compare', () => {
    for (const count of [2, 3, 8]) {
      const order = blindOrder(count, 'stream-1234');
      expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: count }, (_, index) => index));
      expect(blindOrder(count, 'stream-1234')).toEqual(order);
    }
  });

  it('puts each model first about as often as the others, over many compares', () => {
    const firsts = [0, 0, 0];
    for (let round = 0; round < 3000; round += 1) firsts[blindOrder(3, `${round}-${round * 7919}`)[0]!]! += 1;
    for (const count of firsts) expect(count).toBeGreaterThan(850);
    const twoPanes = Array.from({ length: 200 }, () => blindOrder(2, crypto.randomUUID())[0]);
    expect(new Set(twoPanes)).toEqual(new Set([0, 1]));
  });

  it('names answers A, B, C …', () => {
    expect([0, 1, 2, 7].map(answerLetter)).toEqual(['A', 'B', 'C', 'H']);
  });
});
