import type { StateCreator } from 'zustand';
import type { Leaderboard, VoteOutcome } from '../../../shared/contract';
import { shownOrder } from '../features/compare/blind-order';
import { isString, isStringList, readSetting, writeSetting } from '../ui/local-setting';
import { request } from './call';
import type { AppState, ComparePaneState } from './types';

const blindModeKey = 'switchboard.compare.blindMode';
const hiddenSessionsKey = 'switchboard.compare.blindSessions';
/** Blind compares remembered as not yet voted on; older ones show their names when reopened. */
const hiddenSessionsKept = 100;
const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';

/** The vote on a blind compare's round: being saved, kept (names shown), or refused with why. */
export interface BlindVote {
  /** `<session id>/<question number>`: the round voted on. */
  roundId: string;
  outcome: VoteOutcome;
  /** The index of the pane picked, for a win. */
  winnerPane: number | null;
  status: 'saving' | 'saved' | 'failed';
  problem: string | null;
}

/** Compare's blind mode: answers without names until a vote, and the leaderboard those votes make. */
export interface BlindState {
  blind: {
    /** Whether a new compare starts blind. */
    isOn: boolean;
    /** Compares started blind whose names were not shown yet (newest last); kept across reloads. */
    hiddenSessions: string[];
    /** This page's vote per compare session. */
    votes: Record<string, BlindVote>;
    leaderboard: Leaderboard | null;
    /** Why the leaderboard could not be read or reset. */
    leaderboardProblem: string | null;
  };
  setBlindMode(isOn: boolean): void;
  /** A compare has just started: blind when blind mode is on. */
  startBlindCompare(sessionId: string): void;
  /**
   * Votes on the open compare's round (every pane's latest answer): `win` with the index of the best pane, or
   * `tie` / `both-bad`. The names show once the vote is kept.
   */
  voteBlind(outcome: VoteOutcome, winnerPane?: number): Promise<void>;
  /** Shows the open compare's names without a vote (nothing counts on the leaderboard). */
  revealBlind(): void;
  loadLeaderboard(): Promise<void>;
  resetLeaderboard(): Promise<boolean>;
}

const questionsOf = (pane: ComparePaneState) => pane.entries.filter((entry) => entry.role === 'user').length;

/** The open compare's latest round: its number (1 for the first question) and whether every pane has answered. */
export function latestRound(state: Pick<AppState, 'compare' | 'streams'>): { number: number; isComplete: boolean } {
  const { panes } = state.compare;
  const number = Math.max(0, ...panes.map(questionsOf));
  const isComplete =
    number > 0 &&
    panes.every((pane) => {
      const last = pane.entries.at(-1);
      if (questionsOf(pane) !== number || last?.role !== 'assistant') return false;
      return !last.streamId || state.streams[last.streamId]?.status !== 'streaming';
    });
  return { number, isComplete };
}

/** True while the open compare hides its models: started blind, not yet voted on nor shown. */
export function isBlindPending(state: Pick<AppState, 'compare' | 'blind'>): boolean {
  const { sessionId } = state.compare;
  return sessionId !== null && state.blind.hiddenSessions.includes(sessionId);
}

/** True for a blind compare: its names hidden, or shown by a vote made on this page (the reveal stays beside it). */
export function isBlindSession(state: Pick<AppState, 'compare' | 'blind'>): boolean {
  const { sessionId } = state.compare;
  return isBlindPending(state) || (sessionId !== null && state.blind.votes[sessionId]?.status === 'saved');
}

export const createBlindSlice: StateCreator<AppState, [], [], BlindState> = (set, get) => {
  const setHidden = (hiddenSessions: string[]) => {
    const kept = hiddenSessions.slice(-hiddenSessionsKept);
    writeSetting(hiddenSessionsKey, kept);
    set({ blind: { ...get().blind, hiddenSessions: kept } });
  };
  const show = (sessionId: string) => setHidden(get().blind.hiddenSessions.filter((id) => id !== sessionId));
  return {
    blind: {
      isOn: readSetting(blindModeKey, false, isBoolean),
      hiddenSessions: readSetting(hiddenSessionsKey, [], isStringList).filter(isString),
      votes: {},
      leaderboard: null,
      leaderboardProblem: null,
    },
    setBlindMode(isOn) {
      writeSetting(blindModeKey, isOn);
      // The open compare keeps what it is: one started blind stays blind until its vote.
      set({ blind: { ...get().blind, isOn } });
    },
    startBlindCompare(sessionId) {
      if (get().blind.isOn && !get().blind.hiddenSessions.includes(sessionId)) {
        setHidden([...get().blind.hiddenSessions, sessionId]);
      }
    },
    revealBlind() {
      const { sessionId } = get().compare;
      if (sessionId) show(sessionId);
    },
    async voteBlind(outcome, winnerPane) {
      const state = get();
      const { sessionId, panes } = state.compare;
      const round = latestRound(state);
      if (!sessionId || !isBlindPending(state) || !round.isComplete) return;
      if (state.blind.votes[sessionId]?.status === 'saving') return;
      const roundId = `${sessionId}/${round.number}`;
      const setVote = (vote: BlindVote) =>
        set({ blind: { ...get().blind, votes: { ...get().blind.votes, [sessionId]: vote } } });
      const vote = { roundId, outcome, winnerPane: winnerPane ?? null };
      setVote({ ...vote, status: 'saving', problem: null });
      const modelIds = panes.map((pane) => pane.modelId);
      const result = await request(get, 'compare.vote', {
        // In the order shown, so the history says which answer was A.
        modelIds: shownOrder(modelIds, sessionId),
        outcome,
        ...(winnerPane !== undefined ? { winner: modelIds[winnerPane] } : {}),
        sessionId,
        roundId,
      });
      if (!result.ok) {
        setVote({ ...vote, status: 'failed', problem: result.error.message });
        return;
      }
      setVote({ ...vote, status: 'saved', problem: null });
      set({ blind: { ...get().blind, leaderboard: result.data.leaderboard, leaderboardProblem: null } });
      show(sessionId);
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
  };
};
