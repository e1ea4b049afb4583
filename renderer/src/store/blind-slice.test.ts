import { describe, expect, it } from 'vitest';
import { isBlindPending, roundIdOf, type BlindState } from './blind-slice';

const blind = (changes: Partial<BlindState['blind']> = {}): BlindState['blind'] => ({
  isOn: true,
  seenRoundId: null,
  votes: {},
  leaderboard: null,
  leaderboardProblem: null,
  ...changes,
});
const compare = (streamIds: string[]) => ({
  prompt: '',
  system: '',
  temperature: '',
  maxOutputTokens: '',
  modelIds: [],
  streamIds,
});

describe('when Compare hides its models', () => {
  it('names a compare by its first stream, none before the first', () => {
    expect(roundIdOf({ compare: compare([]) })).toBeNull();
    expect(roundIdOf({ compare: compare(['s1', 's2']) })).toBe('s1');
  });

  it('hides them in blind mode until the vote is kept', () => {
    const streams = compare(['s1', 's2']);
    expect(isBlindPending({ compare: streams, blind: blind() })).toBe(true);
    const saving = { outcome: 'win' as const, winnerStreamId: 's2', problem: null };
    expect(isBlindPending({ compare: streams, blind: blind({ votes: { s1: { ...saving, status: 'saving' } } }) })).toBe(
      true,
    );
    expect(
      isBlindPending({
        compare: streams,
        blind: blind({ votes: { s1: { ...saving, status: 'failed', problem: 'x' } } }),
      }),
    ).toBe(true);
    expect(isBlindPending({ compare: streams, blind: blind({ votes: { s1: { ...saving, status: 'saved' } } }) })).toBe(
      false,
    );
  });

  it('never hides answers whose names were already shown, nor any with blind mode off', () => {
    expect(isBlindPending({ compare: compare(['s1', 's2']), blind: blind({ seenRoundId: 's1' }) })).toBe(false);
    expect(isBlindPending({ compare: compare(['s3', 's4']), blind: blind({ seenRoundId: 's1' }) })).toBe(true);
    expect(isBlindPending({ compare: compare(['s1', 's2']), blind: blind({ isOn: false }) })).toBe(false);
    expect(isBlindPending({ compare: compare([]), blind: blind() })).toBe(false);
  });
});
