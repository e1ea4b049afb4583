import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/app-store';

/** How long Undo is offered after a delete (the core keeps the conversation restorable for a minute). */
export const undoShownMs = 8000;

/** "Deleted … Undo", for a few seconds after a conversation is deleted. */
export function UndoToast() {
  const { removed, undoRemove, forgetRemoved } = useAppStore(
    useShallow((state) => ({
      removed: state.history.removed,
      undoRemove: state.undoRemove,
      forgetRemoved: state.forgetRemoved,
    })),
  );
  useEffect(() => {
    if (!removed) return;
    const timer = setTimeout(forgetRemoved, undoShownMs);
    return () => clearTimeout(timer);
  }, [removed, forgetRemoved]);
  return (
    <div className="undo-toast-region" role="status">
      {removed && (
        <div className="undo-toast">
          <span>Deleted “{removed.title}”.</span>
          <button type="button" onClick={() => void undoRemove()}>
            Undo
          </button>
        </div>
      )}
    </div>
  );
}
