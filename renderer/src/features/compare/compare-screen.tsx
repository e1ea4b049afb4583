import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/app-store';
import { ModelButton } from '../models/model-button';
import { StreamPane } from '../answers/stream-pane';
import { BlindModeControls } from './blind-mode-controls';
import { BlindVoteBar } from './blind-vote-bar';
import { useBlindView } from './use-blind-view';

export function CompareScreen() {
  const state = useAppStore(
    useShallow((s) => ({
      compare: s.compare,
      setComparePrompt: s.setComparePrompt,
      setCompareSettings: s.setCompareSettings,
      setCompareModel: s.setCompareModel,
      addCompareModel: s.addCompareModel,
      removeCompareModel: s.removeCompareModel,
      runCompare: s.runCompare,
      cancelStream: s.cancelStream,
      openModelPicker: s.openModelPicker,
    })),
  );
  const { compare } = state;
  const blind = useBlindView(compare.streamIds);
  return (
    <section aria-labelledby="compare-title" className="screen">
      <h2 id="compare-title">Compare</h2>
      <form
        className="compare-form"
        onSubmit={(event) => {
          event.preventDefault();
          void state.runCompare();
        }}
      >
        <label className="field field-grow">
          <span>System prompt (optional)</span>
          <textarea
            rows={2}
            value={compare.system}
            onChange={(event) => state.setCompareSettings({ system: event.target.value })}
          />
        </label>
        <label className="field field-grow">
          <span>Prompt</span>
          <textarea
            rows={3}
            value={compare.prompt}
            aria-describedby="compare-shortcut"
            onChange={(event) => state.setComparePrompt(event.target.value)}
            onKeyDown={(event) => {
              // Ctrl+Enter (⌘+Enter on a Mac) runs it; Enter alone keeps a new line.
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                // Through the form, so its own checks (temperature 0–2, ...) apply as for the button.
                event.currentTarget.form?.requestSubmit();
              }
            }}
          />
        </label>
        <small id="compare-shortcut" className="hint shortcut-hint">
          Ctrl+Enter compares
        </small>
        <fieldset className="compare-settings">
          <legend>Settings (empty: the provider's default)</legend>
          <label className="field">
            <span>Temperature</span>
            <input
              type="number"
              inputMode="decimal"
              min={0}
              max={2}
              step="any"
              placeholder="default"
              value={compare.temperature}
              onChange={(event) => state.setCompareSettings({ temperature: event.target.value })}
            />
          </label>
          <label className="field">
            <span>Max output tokens</span>
            <input
              type="number"
              inputMode="numeric"
              min={1}
              step={1}
              placeholder="default"
              value={compare.maxOutputTokens}
              onChange={(event) => state.setCompareSettings({ maxOutputTokens: event.target.value })}
            />
          </label>
        </fieldset>
        <div className="compare-models">
          {compare.modelIds.map((modelId, index) => (
            <div key={index} className="compare-model">
              <ModelButton
                label={`Model ${index + 1}`}
                value={modelId}
                target={{ kind: 'compare', index }}
                isValueHidden={blind.isHidden}
              />
              {compare.modelIds.length > 2 && (
                <button
                  type="button"
                  aria-label={`Remove model ${index + 1}`}
                  onClick={() => state.removeCompareModel(index)}
                >
                  Remove
                </button>
              )}
            </div>
          ))}
          <button type="button" onClick={state.addCompareModel}>
            Add model
          </button>
        </div>
        <div className="actions">
          <button type="submit" className="primary">
            Compare
          </button>
          <button type="button" onClick={() => compare.streamIds.forEach((id) => id && void state.cancelStream(id))}>
            Stop all
          </button>
          <BlindModeControls />
        </div>
      </form>
      <div className="compare-panes" role="group" aria-label="Answers side by side">
        {blind.panes.map(({ streamId, label }) => (
          <StreamPane key={streamId} streamId={streamId} showMetrics label={label} isModelHidden={blind.isHidden} />
        ))}
      </div>
      {blind.isBlind && <BlindVoteBar shownStreamIds={blind.panes.map((pane) => pane.streamId)} />}
    </section>
  );
}
