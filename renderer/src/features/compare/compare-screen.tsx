import { useEffect } from 'react';
import { useAppStore } from '../../store/app-store';
import { ComparePanes } from './compare-panes';
import { CompareComposer } from './compare-composer';
import { CompareToolbar } from './compare-toolbar';
import { ModelSets } from './model-sets';
import { PastCompares } from './past-compares';
import { SharedSettings } from './shared-settings';
import { SummaryRow } from './summary-row';
import './compare.css';

const formId = 'compare-form';

/**
 * Compare as a group chat of models: one prompt, then follow-ups, to 2–8 panes, each keeping its own
 * conversation; the setup is kept in the core, so it survives a reload and a restart.
 */
export function CompareScreen() {
  const loadCompareLists = useAppStore((state) => state.loadCompareLists);
  const isRestored = useAppStore((state) => state.compare.isRestored);
  useEffect(() => {
    void loadCompareLists();
  }, [loadCompareLists]);
  return (
    <section aria-labelledby="compare-title" aria-busy={!isRestored} className="screen compare-screen">
      <div className="compare-top">
        <h2 id="compare-title">Compare</h2>
        <CompareToolbar />
        <ModelSets />
        <PastCompares />
      </div>
      <SharedSettings formId={formId} />
      <ComparePanes />
      <SummaryRow />
      <CompareComposer formId={formId} />
    </section>
  );
}
