import { useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/app-store';
import { ProblemText, useProblemId } from './problem-text';

/** Named sets of panes with their settings: save the current one, open or remove a saved one. */
export function ModelSets() {
  const state = useAppStore(
    useShallow((s) => ({
      modelSets: s.compare.modelSets,
      saveModelSet: s.saveModelSet,
      openModelSet: s.openModelSet,
      removeModelSet: s.removeModelSet,
    })),
  );
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState('');
  const [saveProblem, setSaveProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const problemId = useProblemId('sets', 'compare-sets-problem');
  const selected = state.modelSets.some((set) => set.id === chosen) ? chosen : (state.modelSets[0]?.id ?? '');

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const problem = await state.saveModelSet(name);
    setSaveProblem(problem);
    setSaved(problem ? null : name.trim());
    if (!problem) setName('');
  };

  return (
    <div className="compare-sets">
      <form
        className="compare-inline-form"
        aria-label="Save as model set"
        noValidate
        onSubmit={(event) => void save(event)}
      >
        <label className="field">
          <span>Model set name</span>
          <input
            value={name}
            aria-invalid={saveProblem ? true : undefined}
            aria-describedby={saveProblem ? 'compare-set-name-problem' : undefined}
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        <button type="submit">Save model set</button>
        {saveProblem && (
          <span id="compare-set-name-problem" className="field-error" role="alert">
            {saveProblem}
          </span>
        )}
        {saved && (
          <span className="hint" role="status">
            Saved “{saved}”.
          </span>
        )}
      </form>
      {state.modelSets.length > 0 && (
        <div className="compare-inline-form">
          <label className="field">
            <span>Model set</span>
            <select value={selected} aria-describedby={problemId} onChange={(event) => setChosen(event.target.value)}>
              {state.modelSets.map((set) => (
                <option key={set.id} value={set.id}>
                  {set.name} ({set.setup.panes.length} models)
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => state.openModelSet(selected)}>
            Open set
          </button>
          <button type="button" onClick={() => void state.removeModelSet(selected)}>
            Remove set
          </button>
          <ProblemText at="sets" id="compare-sets-problem" />
        </div>
      )}
    </div>
  );
}
