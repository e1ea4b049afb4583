import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/app-store';
import { isPaneStreaming } from '../../store/compare-slice';
import { ProblemText, useProblemId } from './problem-text';

/** The prompt: the first question of a compare, then follow-ups that go to every pane. */
export function CompareComposer(props: { formId: string }) {
  const state = useAppStore(
    useShallow((s) => ({
      prompt: s.compare.prompt,
      hasSession: s.compare.sessionId !== null,
      isStreaming: s.compare.panes.some((pane) => isPaneStreaming(pane, s.streams)),
      setComparePrompt: s.setComparePrompt,
      runCompare: s.runCompare,
      stopCompare: s.stopCompare,
    })),
  );
  const problemId = useProblemId('send', 'compare-send-problem');
  return (
    <form
      id={props.formId}
      className="compare-form"
      onSubmit={(event) => {
        event.preventDefault();
        void state.runCompare();
      }}
    >
      <label className="field field-grow">
        <span>Prompt</span>
        <textarea
          rows={2}
          value={state.prompt}
          aria-describedby={problemId ? `compare-shortcut ${problemId}` : 'compare-shortcut'}
          onChange={(event) => state.setComparePrompt(event.target.value)}
          onKeyDown={(event) => {
            // Ctrl+Enter (⌘+Enter on a Mac) sends it; Enter alone keeps a new line.
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              // Through the form, so its own checks (temperature 0–2, ...) apply as for the button.
              event.currentTarget.form?.requestSubmit();
            }
          }}
        />
      </label>
      <div className="actions">
        <button type="submit" className="primary" aria-describedby={problemId}>
          {state.hasSession ? 'Send to all' : 'Compare'}
        </button>
        <button type="button" disabled={!state.isStreaming} onClick={() => void state.stopCompare()}>
          Stop all
        </button>
        <small id="compare-shortcut" className="hint shortcut-hint">
          Ctrl+Enter {state.hasSession ? 'sends to every pane' : 'compares'}
        </small>
        <ProblemText at="send" id="compare-send-problem" />
      </div>
    </form>
  );
}
