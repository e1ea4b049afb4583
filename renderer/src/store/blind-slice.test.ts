import { describe, expect, it } from 'vitest';
import { isBlindPending, isBlindSession, latestRound, type BlindState } from './blind-slice';
import { emptyCompare } from './compare-setup';
import type { AppState, ChatEntry, ComparePaneState, StreamView } from './types';

const blind = (changes: Partial<BlindState['blind']> = {}): BlindState['blind'] => ({
  isOn: true,
  hiddenSessions: ['s1'],
  votes: {},
  leaderboard: null,
  leaderboardProblem: null,
  ...changes,
});
const question = (id: string): ChatEntry => ({ id, role: 'user', content: id, versionIds: [id], attachments: [] });
const answer = (streamId: string): ChatEntry => ({
  id: streamId,
  role: 'assistant',
  content: '',
  streamId,
  versionIds: [streamId],
  attachments: [],
});
const pane = (entries: ChatEntry[]): ComparePaneState => ({
  key: crypto.randomUUID(),
  modelId: 'm',
  overrides: {},
  entries,
});
const streams = (statuses: Record<string, StreamView['status']>) =>
  Object.fromEntries(Object.entries(statuses).map(([id, status]) => [id, { status } as StreamView]));
const page = (panes: ComparePaneState[], sessionId: string | null = 's1'): Pick<AppState, 'compare'> => ({
  compare: { ...emptyCompare(), panes, sessionId },
});

describe('a blind compare', () => {
  it('has a latest round, complete once every pane has answered it and none is still writing', () => {
    expect(latestRound({ ...page([pane([]), pane([])]), streams: {} })).toEqual({ number: 0, isComplete: false });
    const twoRounds = [
      pane([question('q1'), answer('a1'), question('q2'), answer('a2')]),
      pane([question('q1'), answer('b1'), question('q2'), answer('b2')]),
    ];
    expect(latestRound({ ...page(twoRounds), streams: streams({ a2: 'ok', b2: 'streaming' }) })).toEqual({
      number: 2,
      isComplete: false,
    });
    expect(latestRound({ ...page(twoRounds), streams: streams({ a2: 'ok', b2: 'error' }) })).toEqual({
      number: 2,
      isComplete: true,
    });
    // A pane added after the first question has not answered the latest round.
    const added = [...twoRounds, pane([question('q3'), answer('c3')])];
    expect(latestRound({ ...page(added), streams: streams({ a2: 'ok', b2: 'ok', c3: 'ok' }) }).isComplete).toBe(false);
  });

  it('hides its names from the start until its vote is kept, whatever the switch says now', () => {
    const panes = [pane([question('q1')]), pane([question('q1')])];
    expect(isBlindPending({ ...page(panes), blind: blind() })).toBe(true);
    expect(isBlindPending({ ...page(panes), blind: blind({ isOn: false }) })).toBe(true);
    expect(isBlindPending({ ...page(panes, 's2'), blind: blind() })).toBe(false);
    expect(isBlindPending({ ...page(panes, null), blind: blind() })).toBe(false);
    const saved = {
      roundId: 's1/1',
      outcome: 'tie' as const,
      winnerPane: null,
      problem: null,
      status: 'saved' as const,
    };
    const voted = blind({ hiddenSessions: [], votes: { s1: saved } });
    expect(isBlindPending({ ...page(panes), blind: voted })).toBe(false);
    // Still a blind compare once voted on this page: its panes keep their letters beside the names.
    expect(isBlindSession({ ...page(panes), blind: voted })).toBe(true);
    expect(isBlindSession({ ...page(panes), blind: blind({ hiddenSessions: [] }) })).toBe(false);
  });
});
