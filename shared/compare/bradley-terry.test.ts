import { describe, expect, it } from 'vitest';
import { baseRating, bradleyTerry, type Game } from './bradley-terry';

const win = (first: string, second: string): Game => ({ first, second, score: 1 });
const tie = (first: string, second: string): Game => ({ first, second, score: 0.5 });

/** Observed wins (ties half, plus the virtual tie's half) minus the wins the fitted strengths expect. */
function scoreGaps(games: Game[], ratings: Map<string, number>) {
  const strength = (model: string) => 10 ** ((ratings.get(model)! - baseRating) / 400);
  return [...ratings.keys()].map((model) => {
    const own = strength(model);
    let observed = 0.5;
    let expected = own / (own + 1);
    for (const game of games) {
      if (game.first === model) {
        observed += game.score;
        expected += own / (own + strength(game.second));
      } else if (game.second === model) {
        observed += 1 - game.score;
        expected += own / (own + strength(game.first));
      }
    }
    return Math.abs(observed - expected);
  });
}

describe('Bradley–Terry ratings', () => {
  it('has no rating without games', () => {
    expect(bradleyTerry([])).toEqual(new Map());
  });

  it('puts a model that always wins first and one that always loses last, with finite ratings', () => {
    const games = [win('a', 'b'), win('a', 'c'), win('b', 'c'), win('a', 'b'), win('a', 'c')];
    const ratings = bradleyTerry(games);
    const order = [...ratings].sort((x, y) => y[1] - x[1]).map(([model]) => model);
    expect(order).toEqual(['a', 'b', 'c']);
    for (const rating of ratings.values()) expect(Number.isFinite(rating)).toBe(true);
  });

  it('is symmetric: one win between two models puts them as far above 1000 as below', () => {
    const ratings = bradleyTerry([win('a', 'b')]);
    expect(ratings.get('a')!).toBeGreaterThan(baseRating);
    expect(ratings.get('a')! + ratings.get('b')!).toBeCloseTo(2 * baseRating, 6);
  });

  it('counts a tie as half a win for each side: ties alone leave both at 1000', () => {
    const ratings = bradleyTerry([tie('a', 'b'), tie('b', 'a'), tie('a', 'b')]);
    expect(ratings.get('a')!).toBeCloseTo(baseRating, 6);
    expect(ratings.get('b')!).toBeCloseTo(baseRating, 6);
    // A win and a loss are worth two ties.
    const mixed = bradleyTerry([win('a', 'b'), win('b', 'a')]);
    expect(mixed.get('a')!).toBeCloseTo(baseRating, 6);
  });

  it('fits the maximum likelihood: each model wins as often as its strengths expect', () => {
    const games = [
      win('a', 'b'),
      win('b', 'a'),
      win('a', 'b'),
      win('b', 'c'),
      tie('c', 'a'),
      win('c', 'd'),
      win('a', 'd'),
      win('d', 'b'),
    ];
    const ratings = bradleyTerry(games);
    for (const gap of scoreGaps(games, ratings)) expect(gap).toBeLessThan(1e-6);
  });

  it('does not depend on the order of the games, nor on which side of a game a model is named', () => {
    const games = [win('a', 'b'), tie('b', 'c'), win('c', 'a'), win('a', 'c'), win('b', 'd'), tie('d', 'a')];
    const flipped = games.map((game) => ({ first: game.second, second: game.first, score: 1 - game.score }) as Game);
    const reversed = [...flipped].reverse();
    const shuffled = [games[3]!, games[0]!, games[5]!, games[1]!, games[4]!, games[2]!];
    const expected = bradleyTerry(games);
    expect(bradleyTerry(reversed)).toEqual(expected);
    expect(bradleyTerry(shuffled)).toEqual(expected);
  });

  it('is deterministic and gives more wins a higher rating', () => {
    const once = bradleyTerry([win('a', 'b'), tie('a', 'b')]);
    const twice = bradleyTerry([win('a', 'b'), win('a', 'b'), tie('a', 'b')]);
    expect(bradleyTerry([win('a', 'b'), tie('a', 'b')])).toEqual(once);
    expect(twice.get('a')!).toBeGreaterThan(once.get('a')!);
  });
});
