import { describe, expect, it } from 'vitest';
import { problemsFound } from './form-errors';
import { checkWeights, strategyConfig, strategyDraft, strategyFormField } from './route-strategy';

const targets = ['a/m', 'b/m'];

describe("a route's strategy in the Settings form", () => {
  it("starts from the route's own strategy and weights, and ordered for a new route", () => {
    expect(strategyDraft()).toEqual({ strategy: 'ordered', weights: {} });
    expect(strategyDraft({ strategy: 'weighted', weights: { 'a/m': 3, 'b/m': 0.5 } })).toEqual({
      strategy: 'weighted',
      weights: { 'a/m': '3', 'b/m': '0.5' },
    });
  });

  it('says beside each weight what is wrong with it, and beside the group when all are 0', () => {
    expect(checkWeights({ strategy: 'weighted', weights: { 'a/m': '-1', 'b/m': '' } }, targets)).toEqual({
      'weights.a/m': 'A weight must be 0 or more.',
      'weights.b/m': 'Give a weight: 0 or more.',
    });
    expect(checkWeights({ strategy: 'weighted', weights: { 'a/m': 'x' } }, targets)).toEqual({
      'weights.a/m': 'A weight is a number, such as 1 or 2.5.',
    });
    expect(checkWeights({ strategy: 'weighted', weights: { 'a/m': '0', 'b/m': '0' } }, targets)).toEqual({
      weights: 'At least one weight must be above 0: a target of weight 0 is only tried when the others fail.',
    });
    expect(checkWeights({ strategy: 'weighted', weights: { 'a/m': '0' } }, targets)).toEqual({});
    // Other strategies have no weights to check.
    expect(checkWeights({ strategy: 'cheapest', weights: { 'a/m': '-1' } }, targets)).toEqual({});
    expect(problemsFound(checkWeights({ strategy: 'weighted', weights: { 'a/m': '-1' } }, targets), 'saved')).toEqual({
      form: 'Not saved: fix the marked field.',
      fields: { 'weights.a/m': 'A weight must be 0 or more.' },
    });
    expect(problemsFound({}, 'saved')).toBeNull();
  });

  it('saves what config.json keeps: nothing for ordered, weights only for weighted, 1 for a weight not typed', () => {
    expect(strategyConfig({ strategy: 'ordered', weights: { 'a/m': '2' } }, targets)).toEqual({});
    expect(strategyConfig({ strategy: 'fastest', weights: { 'a/m': '2' } }, targets)).toEqual({ strategy: 'fastest' });
    expect(strategyConfig({ strategy: 'weighted', weights: { 'a/m': ' 3 ', 'gone/m': '9' } }, targets)).toEqual({
      strategy: 'weighted',
      weights: { 'a/m': 3, 'b/m': 1 },
    });
  });

  it("puts the core's refusals about the strategy beside the same fields", () => {
    expect(['strategy', 'weights', 'weights.a/m', 'weights.x.y/m', 'targets.0'].map(strategyFormField)).toEqual([
      'strategy',
      'weights',
      'weights.a/m',
      'weights.x.y/m',
      null,
    ]);
  });
});
