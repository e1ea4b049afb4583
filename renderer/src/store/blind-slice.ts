import type { StateCreator } from 'zustand';
import type { Leaderboard, VoteOutcome } from '../../../shared/contract';
import { shownOrder } from '../features/compare/blind-order';
import { readSetting, writeSetting } from '../ui/local-setting';
import { request } from './call';
import type { AppState } from './types';

const blindModeKey = 'switchboard.compare.blindMode';
const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';

/** A vote on one blind compare: being saved, kept (names shown), or refused with why. */
export interface BlindVote {
  outcome: VoteOutcome;
  /** The stream of the answer picked, for a win. */
  winnerStreamId: string | null;
  status: 'saving' | 'saved' | 'failed';
  problem: string | null;
}

/** Compare's blind mode: answers without names until a vote, and the leaderboard those votes make. */
export interface BlindState {
  blind: {
    isOn: boolean;
    /**
     * The compare on screen when blind mode was last turned on: its names were already seen, so it is not blind.
     * A compare is blind when blind mode is on and its first stream id is another.
     */
    seenRoundId: string | null;
    /** Votes of this session, by the compare's first stream id. */
    votes: Record<string, BlindVote>;
    leaderboard: Leaderboard | null;
    /** Why the leaderboard could not be read or reset. */
    leaderboardProblem: string | null;
  };
  setBlindMode(isOn: boolean): void;
  /**
   * Votes on the compare on screen: `win` with the stream of the best answer, or `tie` / `both-bad`. The names are
   * shown once the vote is kept.
   */
  voteBlind(outcome: VoteOutcome, winnerStreamId?: string): Promise<void>;
  loadLeaderboard(): Promise<void>;
  resetLeaderboard(): Promise<boolean>;
}

/** The compare on screen, named by its first stream (null before the first compare). */
export const roundIdOf = (state: Pick<AppState, 'compare'>) => state.compare.streamIds.find(Boolean) ?? null;

/** True while the compare on screen hides its models: blind, and not yet voted on. */
export function isBlindPending(state: Pick<AppState, 'compare' | 'blind'>): boolean {
  const roundId = roundIdOf(state);
  if (!state.blind.isOn || roundId === null || roundId === state.blind.seenRoundId) return false;
  return state.blind.votes[roundId]?.status !== 'saved';
}

export const createBlindSlice: StateCreator<AppState, [], [], BlindState> = (set, get) => ({
  blind: {
    isOn: readSetting(blindModeKey, false, isBoolean),
    // The compare before a reload is gone from the screen; none is seen yet.
    seenRoundId: null,
    votes: {},
    leaderboard: null,
    leaderboardProblem: null,
  },
  setBlindMode(isOn) {
    writeSetting(blindModeKey, isOn);
    // Turning it on over answers whose names were shown does not make them blind.
    set({ blind: { ...get().blind, isOn, seenRoundId: isOn ? roundIdOf(get()) : get().blind.seenRoundId } });
  },
  async voteBlind(outcome, winnerStreamId) {
    const state = get();
    const roundId = roundIdOf(state);
    if (!roundId || !isBlindPending(state) || state.blind.votes[roundId]?.status === 'saving') return;
    const streamIds = state.compare.streamIds.filter(Boolean);
    const modelOf = (streamId: string) => state.streams[streamId]?.modelId ?? '';
    const conversationId = streamIds.map((id) => state.streams[id]?.record?.conversationId).find(Boolean);
    const setVote = (vote: BlindVote) =>
      set({ blind: { ...get().blind, votes: { ...get().blind.votes, [roundId]: vote } } });
    const vote = { outcome, winnerStreamId: winnerStreamId ?? null };
    setVote({ ...vote, status: 'saving', problem: null });
    const result = await request(get, 'compare.vote', {
      // In the order shown, so the history says which answer was A.
      modelIds: shownOrder(streamIds, roundId).map(modelOf),
      outcome,
      ...(winnerStreamId ? { winner: modelOf(winnerStreamId) } : {}),
      ...(conversationId ? { conversationId } : {}),
      roundId,
    });
    if (!result.ok) {
      setVote({ ...vote, status: 'failed', problem: result.error.message });
      return;
    }
    setVote({ ...vote, status: 'saved', problem: null });
    set({ blind: { ...get().blind, leaderboard: result.data.leaderboard, leaderboardProblem: null } });
  },
  async loadLeaderboard() {
    const result = await request(get, 'compare.leaderboard', {});
    set({
      blind: {
        ...get().blind,
        ...(result.ok
          ? { leaderboard: result.data, leaderboardProblem: null }
          : { leaderboardProblem: result.error.message }),
      },
    });
  },
  async resetLeaderboard() {
    const result = await request(get, 'compare.resetLeaderboard', {});
    set({
      blind: {
        ...get().blind,
        ...(result.ok
          ? { leaderboard: result.data, leaderboardProblem: null }
          : { leaderboardProblem: result.error.message }),
      },
    });
    return result.ok;
  },
});
