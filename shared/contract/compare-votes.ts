import { z } from 'zod';
import { route } from './define';

/** How a blind vote ended: one answer was the best, they were as good, or none was good. */
export type VoteOutcome = 'win' | 'tie' | 'both-bad';

/** One blind vote, as kept in the history. */
export interface CompareVote {
  id: string;
  createdAt: string;
  /** The models compared, in the order their answers were shown (Answer A first). */
  modelIds: string[];
  outcome: VoteOutcome;
  /** The model whose answer was picked, when `outcome` is `win`. */
  winner: string | null;
  /** The Compare session the answers were kept in, when known. */
  sessionId: string | null;
  /** The round voted on (the session id and the question's number), when known: one vote per round. */
  roundId: string | null;
}

/** One model's line of the leaderboard. */
export interface LeaderboardRow {
  modelId: string;
  /** Blind votes it took part in. */
  votes: number;
  wins: number;
  /** Votes that were a tie or "both bad". */
  ties: number;
  losses: number;
  /** (wins + half the ties) / votes, 0–1. */
  winRate: number;
  /** Bradley–Terry rating on the Elo scale: 1000 is even, 400 more is 10:1 odds. */
  rating: number;
}

/** Every model with a vote, best rating first. */
export interface Leaderboard {
  rows: LeaderboardRow[];
  votes: number;
}

const modelId = z.string().min(1, 'a model id is empty');

export const compareVoteRoutes = {
  /**
   * Keeps a blind vote and answers the leaderboard with it. `win` needs the `winner`, one of `modelIds`; a
   * vote naming the same `roundId` as an earlier one is refused, so a round counts once.
   */
  'compare.vote': route<{ vote: CompareVote; leaderboard: Leaderboard }>()(
    z
      .object({
        modelIds: z
          .array(modelId)
          .min(2, 'a vote compares at least two models')
          .max(8, 'a vote compares at most eight models')
          .refine((ids) => new Set(ids).size === ids.length, {
            message: 'the same model is in two answers: a blind vote compares different models',
          }),
        outcome: z.enum(['win', 'tie', 'both-bad'], { error: 'the outcome is win, tie or both-bad' }),
        winner: modelId.optional(),
        sessionId: z.string().min(1).max(200).optional(),
        /** The round voted on (`<session id>/<question number>`): one vote per round. */
        roundId: z.string().min(1).max(200).optional(),
      })
      .refine((vote) => (vote.outcome === 'win') === (vote.winner !== undefined), {
        message: 'name the winner for a win, and only for a win',
        path: ['winner'],
      })
      .refine((vote) => vote.winner === undefined || vote.modelIds.includes(vote.winner), {
        message: 'the winner is one of the models compared',
        path: ['winner'],
      })
      .refine(
        (vote) =>
          vote.roundId === undefined || vote.sessionId === undefined || vote.roundId.startsWith(`${vote.sessionId}/`),
        { message: 'the round is one of this compare’s: <session id>/<question number>', path: ['roundId'] },
      ),
  ),
  /** Per model: votes, wins, ties, losses, win rate and rating, best rating first. */
  'compare.leaderboard': route<Leaderboard>()(z.object({})),
  /** Deletes every blind vote: the leaderboard starts again empty. */
  'compare.resetLeaderboard': route<Leaderboard>()(z.object({})),
};
