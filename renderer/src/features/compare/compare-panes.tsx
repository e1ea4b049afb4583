import type { CSSProperties } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/app-store';
import type { CompareLayout } from '../../store/types';
import { ComparePane } from './compare-pane';

/** How many grid columns the panes take: one row (columns) or two (grid); a wide pane takes two. */
export function columnCount(layout: CompareLayout, paneCount: number, hasWidePane: boolean): number {
  const cells = paneCount + (hasWidePane ? 1 : 0);
  return layout === 'columns' ? cells : Math.max(2, Math.ceil(cells / 2));
}

/** Every pane side by side, sized to fit the screen together. */
export function ComparePanes(props: { hideModelNames?: boolean }) {
  const { panes, layout, widePane } = useAppStore(
    useShallow((state) => ({
      panes: state.compare.panes,
      layout: state.compare.layout,
      widePane: state.compare.widePane,
    })),
  );
  const columns = columnCount(layout, panes.length, widePane !== null);
  return (
    <div
      className={`compare-panes compare-panes-${layout}`}
      role="group"
      aria-label="Answers side by side"
      style={{ '--compare-columns': columns } as CSSProperties}
    >
      {panes.map((pane, index) => (
        <ComparePane
          key={pane.key}
          index={index}
          pane={pane}
          canRemove={panes.length > 2}
          isWide={widePane === index}
          hideModelName={props.hideModelNames}
        />
      ))}
    </div>
  );
}
