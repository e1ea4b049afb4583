import type { CompareVote, Leaderboard, LeaderboardRow } from '../contract/compare-votes';
import { bradleyTerry, type Game } from './bradley-terry';

/**
 * A vote as head-to-head games: a win beats each other answer (with more than two, the pick is the best of
 * them); a tie or "both bad" is a tie between every pair.
 */
export function gamesOf(vote: Pick<CompareVote, 'modelIds' | 'outcome' | 'winner'>): Game[] {
  const { modelIds, outcome, winner } = vote;
  if (outcome === 'win' && winner !== null) {
    return modelIds.filter((id) => id !== winner).map((loser) => ({ first: winner, second: loser, score: 1 }));
  }
  return modelIds.flatMap((first, i) =>
    modelIds.slice(i + 1).map((second) => ({ first, second, score: 0.5 as const })),
  );
}

/** Every model with a vote: its counts, win rate (ties half) and rating, best rating first. */
export function leaderboardOf(votes: Pick<CompareVote, 'modelIds' | 'outcome' | 'winner'>[]): Leaderboard {
  const counts = new Map<string, { votes: number; wins: number; ties: number; losses: number }>();
  for (const vote of votes) {
    for (const modelId of new Set(vote.modelIds)) {
      const row = counts.get(modelId) ?? { votes: 0, wins: 0, ties: 0, losses: 0 };
      row.votes += 1;
      if (vote.outcome !== 'win') row.ties += 1;
      else if (vote.winner === modelId) row.wins += 1;
      else row.losses += 1;
      counts.set(modelId, row);
    }
  }
  const ratings = bradleyTerry(votes.flatMap(gamesOf));
  const rows: LeaderboardRow[] = [...counts].map(([modelId, row]) => ({
    modelId,
    ...row,
    winRate: (row.wins + row.ties / 2) / row.votes,
    rating: ratings.get(modelId) ?? 1000,
  }));
  // Ratings equal to a millionth of a point are equal: the order of even models is by votes, then by name.
  const rounded = (rating: number) => Math.round(rating * 1e6);
  rows.sort(
    (a, b) =>
      rounded(b.rating) - rounded(a.rating) ||
      b.votes - a.votes ||
      (a.modelId < b.modelId ? -1 : a.modelId > b.modelId ? 1 : 0),
  );
  return { rows, votes: votes.length };
}
