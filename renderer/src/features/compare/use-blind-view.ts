import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { isBlindPending, isBlindSession } from '../../store/blind-slice';
import { useAppStore } from '../../store/app-store';
import { answerLetter, blindOrder } from './blind-order';

/**
 * How Compare shows its panes: in the order picked, or, for a blind compare, shuffled (by its session id, so the
 * same through follow-ups) and lettered Answer A, B, …, with the models hidden (`isHidden`) until the vote.
 * `order` lists pane indexes in the order shown; `names` gives each pane's name by its index (blind only).
 */
export function useBlindView(): { isBlind: boolean; isHidden: boolean; order: number[]; names: string[] | null } {
  const { isBlind, isHidden, sessionId, paneCount } = useAppStore(
    useShallow((state) => ({
      isBlind: isBlindSession(state),
      isHidden: isBlindPending(state),
      sessionId: state.compare.sessionId,
      paneCount: state.compare.panes.length,
    })),
  );
  return useMemo(() => {
    const picked = Array.from({ length: paneCount }, (_, index) => index);
    if (!isBlind || !sessionId) return { isBlind, isHidden, order: picked, names: null };
    const order = blindOrder(paneCount, sessionId);
    const names = picked.map((index) => `Answer ${answerLetter(order.indexOf(index))}`);
    return { isBlind, isHidden, order, names };
  }, [isBlind, isHidden, sessionId, paneCount]);
}
