import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/app-store';

/** How long Undo is offered after a delete (the core keeps the conversation restorable for a minute). */
export const undoShownMs = 8000;

/** "Deleted … Undo", for a few seconds after a conversation is deleted (longer while pointed at or focused). */
export function UndoToast() {
  const { removed, undoRemove, forgetRemoved } = useAppStore(
    useShallow((state) => ({
      removed: state.history.removed,
      undoRemove: state.undoRemove,
      forgetRemoved: state.forgetRemoved,
    })),
  );
  // Held while pointed at or focused (WCAG 2.2.1): the time starts again when left.
  const [isHeld, setIsHeld] = useState(false);
  useEffect(() => {
    if (!removed || isHeld) return;
    const timer = setTimeout(forgetRemoved, undoShownMs);
    return () => clearTimeout(timer);
  }, [removed, isHeld, forgetRemoved]);
  useEffect(() => {
    if (!removed) setIsHeld(false);
  }, [removed]);
  return (
    <div className="undo-toast-region" role="status">
      {removed && (
        <div
          className="undo-toast"
          onMouseEnter={() => setIsHeld(true)}
          onMouseLeave={() => setIsHeld(false)}
          onFocus={() => setIsHeld(true)}
          onBlur={() => setIsHeld(false)}
        >
          <span>Deleted “{removed.title}”.</span>
          <button type="button" onClick={() => void undoRemove()}>
            Undo
          </button>
        </div>
      )}
    </div>
  );
}
