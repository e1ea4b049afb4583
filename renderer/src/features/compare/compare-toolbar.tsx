import { useShallow } from 'zustand/react/shallow';
import { maxComparePanes } from '../../../../shared/contract/compare-limits';
import { useAppStore } from '../../store/app-store';
import type { CompareLayout } from '../../store/types';
import { ProblemText } from './problem-text';

const layouts: { value: CompareLayout; label: string }[] = [
  { value: 'columns', label: 'Columns' },
  { value: 'grid', label: 'Grid' },
];

/** How the panes are laid out, adding a model (up to the most Compare shows), and starting over. */
export function CompareToolbar() {
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
      <button
        type="button"
        disabled={isFull}
        aria-describedby={isFull ? 'compare-add-limit' : undefined}
        onClick={state.addCompareModel}
      >
        Add model
      </button>
      {isFull && (
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
