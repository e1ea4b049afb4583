import { useShallow } from 'zustand/react/shallow';
import { maxComparePanes } from '../../../../shared/contract/compare-limits';
import { useAppStore } from '../../store/app-store';
import type { CompareLayout } from '../../store/types';
import { ProblemText } from './problem-text';

const layouts: { value: CompareLayout; label: string }[] = [
  { value: 'columns', label: 'Columns' },
  { value: 'grid', label: 'Grid' },
];

/**
 * How the panes are laid out, adding a model (up to the most Compare shows), and starting over. A blind compare
 * keeps its models until its vote (`isBlindPending`): a pane added then could not be told from the others.
 */
export function CompareToolbar(props: { isBlindPending?: boolean }) {
  const state = useAppStore(
    useShallow((s) => ({
      layout: s.compare.layout,
      paneCount: s.compare.panes.length,
      hasSession: s.compare.sessionId !== null,
      setCompareLayout: s.setCompareLayout,
      addCompareModel: s.addCompareModel,
      newCompare: s.newCompare,
    })),
  );
  const isFull = state.paneCount >= maxComparePanes;
  const isLocked = props.isBlindPending === true;
  const addHintId = isLocked ? 'compare-add-blind' : isFull ? 'compare-add-limit' : undefined;
  return (
    <div className="compare-toolbar">
      <fieldset className="compare-layout">
        <legend>Layout</legend>
        {layouts.map((layout) => (
          <label key={layout.value}>
            <input
              type="radio"
              name="compare-layout"
              value={layout.value}
              checked={state.layout === layout.value}
              onChange={() => state.setCompareLayout(layout.value)}
            />
            {layout.label}
          </label>
        ))}
      </fieldset>
      <button type="button" disabled={isFull || isLocked} aria-describedby={addHintId} onClick={state.addCompareModel}>
        Add model
      </button>
      {isLocked && (
        <span id="compare-add-blind" className="hint">
          A blind compare keeps its models until you vote.
        </span>
      )}
      {isFull && !isLocked && (
        <span id="compare-add-limit" className="hint">
          {maxComparePanes} models at most: remove one to add another.
        </span>
      )}
      <ProblemText at="models" id="compare-models-problem" />
      {state.hasSession && (
        <button type="button" onClick={state.newCompare}>
          New compare
        </button>
      )}
    </div>
  );
}
