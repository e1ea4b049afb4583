import { describe, expect, it } from 'vitest';
import { gamesOf, leaderboardOf } from './leaderboard';

describe('the leaderboard', () => {
  it('is empty without votes', () => {
    expect(leaderboardOf([])).toEqual({ rows: [], votes: 0 });
  });

  it('ranks the winner first with its vote, win rate and a higher rating', () => {
    const board = leaderboardOf([{ modelIds: ['x/slow', 'x/fast'], outcome: 'win', winner: 'x/fast' }]);
    expect(board.votes).toBe(1);
    expect(
      board.rows.map(({ modelId, votes, wins, ties, losses, winRate }) => ({
        modelId,
        votes,
        wins,
        ties,
        losses,
        winRate,
      })),
    ).toEqual([
      { modelId: 'x/fast', votes: 1, wins: 1, ties: 0, losses: 0, winRate: 1 },
      { modelId: 'x/slow', votes: 1, wins: 0, ties: 0, losses: 1, winRate: 0 },
    ]);
    expect(board.rows[0]!.rating).toBeGreaterThan(board.rows[1]!.rating);
  });

  it('counts a tie and "both bad" as half a win each', () => {
    const board = leaderboardOf([
      { modelIds: ['a', 'b'], outcome: 'win', winner: 'a' },
      { modelIds: ['a', 'b'], outcome: 'tie', winner: null },
      { modelIds: ['b', 'a'], outcome: 'both-bad', winner: null },
    ]);
    expect(board.rows.map((row) => [row.modelId, row.ties, row.winRate])).toEqual([
      ['a', 2, 2 / 3],
      ['b', 2, 1 / 3],
    ]);
  });

  it('takes the pick among three answers as a win over each of the others', () => {
    expect(gamesOf({ modelIds: ['a', 'b', 'c'], outcome: 'win', winner: 'b' })).toEqual([
      { first: 'b', second: 'a', score: 1 },
      { first: 'b', second: 'c', score: 1 },
    ]);
    expect(gamesOf({ modelIds: ['a', 'b', 'c'], outcome: 'tie', winner: null })).toHaveLength(3);
    const board = leaderboardOf([{ modelIds: ['a', 'b', 'c'], outcome: 'win', winner: 'b' }]);
    expect(board.rows[0]).toMatchObject({ modelId: 'b', wins: 1, votes: 1 });
    // The two that lost were not compared with each other: they share one rating, ordered by name.
    expect(board.rows.slice(1).map((row) => row.modelId)).toEqual(['a', 'c']);
    expect(board.rows[1]!.rating).toBeCloseTo(board.rows[2]!.rating, 6);
  });

  it('a second vote the other way brings the two back level', () => {
    const first = { modelIds: ['a', 'b'], outcome: 'win' as const, winner: 'a' };
    const board = leaderboardOf([first, { modelIds: ['b', 'a'], outcome: 'win', winner: 'b' }]);
    expect(board.rows.map((row) => row.winRate)).toEqual([0.5, 0.5]);
    expect(board.rows[0]!.rating).toBeCloseTo(1000, 6);
  });
});
