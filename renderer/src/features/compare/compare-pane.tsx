import { useLayoutEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/app-store';
import { isPaneStreaming } from '../../store/compare-slice';
import type { ComparePaneState } from '../../store/types';
import { useFollowBottom } from '../chat/use-follow-bottom';
import { ModelButton } from '../models/model-button';
import { PaneAnswer } from './pane-answer';
import { PaneSettingsDialog } from './pane-settings-dialog';
import { ProblemText, useProblemId } from './problem-text';

/**
 * One model's side of the compare: its own conversation, scrolling inside a pane of fixed height. The model's
 * name is shown here only (the picker button and each answer's header). A blind compare's pane has a `name`
 * (Answer A, …) that stands for it; `hideModelName` (before the vote) leaves out the model and whatever would
 * tell it: its settings, removing it and continuing it in Chat.
 */
export function ComparePane(props: {
  index: number;
  pane: ComparePaneState;
  canRemove: boolean;
  isWide: boolean;
  hideModelName?: boolean;
  name?: string;
}) {
  const { index, pane, name, hideModelName } = props;
  const number = index + 1;
  /** How buttons name this pane to a screen reader; never the pane's number while the model is hidden. */
  const spoken = name ?? `model ${number}`;
  const isStreaming = useAppStore((state) => isPaneStreaming(pane, state.streams));
  const actions = useAppStore(
    useShallow((state) => ({
      remove: state.removeCompareModel,
      toggleWide: state.toggleWidePane,
      regenerate: state.regenerateComparePane,
      continueWith: state.continueComparePane,
    })),
  );
  const problemId = useProblemId({ pane: index }, `pane-${number}-problem`);
  const hasAnswer = pane.entries.some((entry) => entry.role === 'assistant');
  // Follows the newest answer as it streams (and its measurements when it ends) until the user scrolls up, inside
  // the pane only. The size is read when the page lays out anyway (a ResizeObserver): reading each pane's
  // scrollHeight after every update forced a layout per pane, 8 per frame (issue 14).
  const { boxRef, contentRef, scrollToBottom } = useFollowBottom<HTMLDivElement, HTMLDivElement>();
  // A new question (a follow-up, a regenerate) brings the pane back to its end.
  useLayoutEffect(() => scrollToBottom(), [pane.entries.length, scrollToBottom]);

  return (
    <section
      role="group"
      aria-label={name ?? `Pane ${number}`}
      className={props.isWide ? 'compare-pane compare-pane-wide' : 'compare-pane'}
    >
      <header className="compare-pane-header">
        {name && <span className="blind-pane-name">{name}</span>}
        {!hideModelName && (
          <>
            <ModelButton label={`Model ${number}`} value={pane.modelId} target={{ kind: 'compare', index }} />
            <PaneSettingsDialog index={index} overrides={pane.overrides} />
          </>
        )}
        <button type="button" aria-pressed={props.isWide} onClick={() => actions.toggleWide(index)}>
          Widen<span className="visually-hidden"> {spoken}</span>
        </button>
        {props.canRemove && !hideModelName && (
          <button
            type="button"
            className="compare-pane-remove"
            aria-label={`Remove model ${number}`}
            title={`Remove model ${number}`}
            onClick={() => actions.remove(index)}
          >
            ×
          </button>
        )}
      </header>
      <div
        className="compare-pane-body"
        ref={boxRef}
        tabIndex={0}
        role="region"
        aria-label={name ? `Conversation of ${name}` : `Conversation ${number}`}
      >
        <div className="compare-pane-entries" ref={contentRef}>
          {pane.entries.length === 0 && <p className="hint">Answers appear here.</p>}
          {pane.entries.map((entry) =>
            entry.role === 'assistant' ? (
              <PaneAnswer
                key={entry.id}
                entry={entry}
                hideModelName={hideModelName}
                label={hideModelName ? name : undefined}
              />
            ) : (
              <p key={entry.id} className="compare-question">
                {entry.content}
              </p>
            ),
          )}
        </div>
      </div>
      {hasAnswer && (
        <footer className="compare-pane-footer">
          <button
            type="button"
            disabled={isStreaming}
            aria-describedby={problemId}
            onClick={() => void actions.regenerate(index)}
          >
            Regenerate<span className="visually-hidden"> {spoken}</span>
          </button>
          {!hideModelName && (
            <button
              type="button"
              disabled={isStreaming}
              aria-describedby={problemId}
              onClick={() => void actions.continueWith(index)}
            >
              Continue with this one
            </button>
          )}
          <ProblemText at={{ pane: index }} id={`pane-${number}-problem`} />
        </footer>
      )}
    </section>
  );
}
