import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { isBlindPending, roundIdOf } from '../../store/blind-slice';
import { useAppStore } from '../../store/app-store';
import { answerLetter, shownOrder } from './blind-order';

/** One pane of Compare as shown: its stream and its name ("Answer 1", or "Answer A" when blind). */
export interface ShownPane {
  streamId: string;
  label: string;
}

/**
 * How Compare shows its answers: in the order picked, or, for a blind compare, shuffled and lettered, with
 * the models hidden (`isHidden`) until the vote is kept.
 */
export function useBlindView(streamIds: string[]): { isBlind: boolean; isHidden: boolean; panes: ShownPane[] } {
  const { isBlind, isHidden } = useAppStore(
    useShallow((state) => {
      const roundId = roundIdOf(state);
      return {
        isBlind: state.blind.isOn && roundId !== null && roundId !== state.blind.seenRoundId,
        isHidden: isBlindPending(state),
      };
    }),
  );
  const panes = useMemo(() => {
    const shown = streamIds.filter(Boolean);
    if (!isBlind) return shown.map((streamId, index) => ({ streamId, label: `Answer ${index + 1}` }));
    return shownOrder(shown, shown[0]!).map((streamId, position) => ({
      streamId,
      label: `Answer ${answerLetter(position)}`,
    }));
  }, [streamIds, isBlind]);
  return { isBlind, isHidden, panes };
}
