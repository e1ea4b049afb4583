import { SwitchboardError } from '../../../shared/errors/codes';
import { leaderboardOf } from '../../../shared/compare/leaderboard';
import type { Handlers } from '../dispatch';
import type { Services } from '../services';

type CompareVoteHandlers = Pick<Handlers, 'compare.vote' | 'compare.leaderboard' | 'compare.resetLeaderboard'>;

/** Compare's blind votes and the leaderboard they make. */
export function createCompareVoteHandlers({ store }: Pick<Services, 'store'>): CompareVoteHandlers {
  const leaderboard = () => leaderboardOf(store.compareVotes.all());
  return {
    'compare.vote': async ({ modelIds, outcome, winner, sessionId, roundId }) => {
      const vote = store.compareVotes.add({
        modelIds,
        outcome,
        winner: winner ?? null,
        sessionId: sessionId ?? null,
        roundId: roundId ?? null,
      });
      if (!vote) {
        throw new SwitchboardError(
          'INVALID_INPUT',
          'This round of the compare already has a vote: start a New compare to vote again.',
          {
            fields: [{ field: 'roundId', message: 'this round already has a vote' }],
          },
        );
      }
      return { vote, leaderboard: leaderboard() };
    },
    'compare.leaderboard': async () => leaderboard(),
    'compare.resetLeaderboard': async () => {
      store.compareVotes.clear();
      return leaderboard();
    },
  };
}
