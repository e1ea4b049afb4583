import { useEffect } from 'react';
import { useAppStore } from '../../store/app-store';
import { BlindModeControls } from './blind-mode-controls';
import { BlindVoteBar } from './blind-vote-bar';
import { ComparePanes } from './compare-panes';
import { CompareComposer } from './compare-composer';
import { CompareToolbar } from './compare-toolbar';
import { ModelSets } from './model-sets';
import { PastCompares } from './past-compares';
import { SharedSettings } from './shared-settings';
import { SummaryRow } from './summary-row';
import { useBlindView } from './use-blind-view';
import './compare.css';

const formId = 'compare-form';

/**
 * Compare as a group chat of models: one prompt, then follow-ups, to 2–8 panes, each keeping its own
 * conversation; the setup is kept in the core, so it survives a reload and a restart. A blind compare shuffles
 * the panes as Answer A, B, … and hides their models until the vote.
 */
export function CompareScreen() {
  const loadCompareLists = useAppStore((state) => state.loadCompareLists);
  const isRestored = useAppStore((state) => state.compare.isRestored);
  const blind = useBlindView();
  useEffect(() => {
    void loadCompareLists();
  }, [loadCompareLists]);
  return (
    <section aria-labelledby="compare-title" aria-busy={!isRestored} className="screen compare-screen">
      <div className="compare-top">
        <h2 id="compare-title">Compare</h2>
        <CompareToolbar isBlindPending={blind.isHidden} />
        <BlindModeControls />
        <ModelSets />
        <PastCompares />
      </div>
      <SharedSettings formId={formId} />
      <ComparePanes hideModelNames={blind.isHidden} order={blind.order} names={blind.names} />
      {blind.isBlind && <BlindVoteBar order={blind.order} />}
      {/* Its fastest, cheapest and longest would tell the models apart: shown once the names are. */}
      {!blind.isHidden && <SummaryRow />}
      <CompareComposer formId={formId} />
    </section>
  );
}
