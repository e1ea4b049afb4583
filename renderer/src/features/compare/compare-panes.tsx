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

/**
 * Every pane side by side, sized to fit the screen together: in `order` (pane indexes; a blind compare's is
 * shuffled), each named by `names` when given (Answer A, …), without their models while `hideModelNames`.
 */
export function ComparePanes(props: { hideModelNames?: boolean; order?: number[]; names?: string[] | null }) {
  const { panes, layout, widePane } = useAppStore(
    useShallow((state) => ({
      panes: state.compare.panes,
      layout: state.compare.layout,
      widePane: state.compare.widePane,
    })),
  );
  const columns = columnCount(layout, panes.length, widePane !== null);
  const shown = props.order?.length === panes.length ? props.order : panes.map((_, index) => index);
  return (
    <div
      className={`compare-panes compare-panes-${layout}`}
      role="group"
      aria-label="Answers side by side"
      style={{ '--compare-columns': columns } as CSSProperties}
    >
      {shown.map((index) => {
        const pane = panes[index]!;
        return (
          <ComparePane
            key={pane.key}
            index={index}
            pane={pane}
            canRemove={panes.length > 2}
            isWide={widePane === index}
            hideModelName={props.hideModelNames}
            name={props.names?.[index]}
          />
        );
      })}
    </div>
  );
}
