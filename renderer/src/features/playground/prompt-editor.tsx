import { useShallow } from 'zustand/react/shallow';
import { promptVariables } from '../../../../shared/playground/template';
import { useAppStore } from '../../store/app-store';
import { shortcutLabel } from '../../app/shortcuts';
import { FieldProblemText, hasProblem } from './field-problem';
import { PromptMessages } from './prompt-messages';

/** The prompt's system and user parts, its variables, parameters and models. */
export function PromptEditor() {
  const state = useAppStore(
    useShallow((s) => ({
      form: s.playground,
      setDraft: s.setPlaygroundDraft,
      removeModel: s.removePlaygroundModel,
      openModelPicker: s.openModelPicker,
    })),
  );
  const { form, setDraft } = state;
  const variables = promptVariables(form);
  const number = (key: 'temperature' | 'topP' | 'maxOutputTokens' | 'seed', label: string, step: string) => (
    <label className="field">
      <span>{label}</span>
      <input
        type="number"
        inputMode="decimal"
        step={step}
        placeholder="default"
        value={form.params[key]}
        aria-invalid={hasProblem(form.problems, `params.${key}`) || undefined}
        aria-describedby={`playground-${key}-problem`}
        onChange={(event) => setDraft({ params: { [key]: event.target.value } })}
      />
      <FieldProblemText problems={form.problems} field={`params.${key}`} id={`playground-${key}-problem`} />
    </label>
  );
  return (
    <div className="playground-editor">
      <label className="field">
        <span>System part (optional)</span>
        <textarea rows={3} value={form.system} onChange={(event) => setDraft({ system: event.target.value })} />
      </label>
      <PromptMessages />
      <label className="field">
        <span>User part</span>
        <textarea
          rows={4}
          value={form.user}
          placeholder="Write the prompt; {{name}} marks a variable each case fills in."
          aria-invalid={hasProblem(form.problems, 'user') || undefined}
          aria-describedby="playground-user-problem"
          onChange={(event) => setDraft({ user: event.target.value })}
        />
        <FieldProblemText problems={form.problems} field="user" id="playground-user-problem" />
      </label>
      <section aria-labelledby="playground-variables-title" className="playground-variables">
        <h3 id="playground-variables-title">Variables</h3>
        {variables.length ? (
          <ul aria-labelledby="playground-variables-title">
            {variables.map((name) => (
              <li key={name}>
                <code>{`{{${name}}}`}</code>
              </li>
            ))}
          </ul>
        ) : (
          <p className="hint">None yet: write {'{{name}}'} in the prompt to add one.</p>
        )}
      </section>
      <fieldset className="playground-params">
        <legend>Parameters (empty: the provider's default)</legend>
        {number('temperature', 'Temperature', 'any')}
        {number('topP', 'top_p', 'any')}
        {number('maxOutputTokens', 'Max output tokens', '1')}
        {number('seed', 'Seed', '1')}
        <label className="field">
          <span>Stop sequences (comma-separated)</span>
          <input value={form.params.stop} onChange={(event) => setDraft({ params: { stop: event.target.value } })} />
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={form.params.json}
            onChange={(event) => setDraft({ params: { json: event.target.checked } })}
          />
          JSON output
        </label>
        {form.params.json && (
          <label className="field playground-schema">
            <span>JSON schema (optional)</span>
            <textarea
              rows={4}
              value={form.params.jsonSchema}
              placeholder='{"type": "object", "properties": {...}}'
              aria-invalid={hasProblem(form.problems, 'params.jsonSchema') || undefined}
              aria-describedby="playground-jsonSchema-problem"
              onChange={(event) => setDraft({ params: { jsonSchema: event.target.value } })}
            />
            <FieldProblemText problems={form.problems} field="params.jsonSchema" id="playground-jsonSchema-problem" />
          </label>
        )}
      </fieldset>
      <section aria-labelledby="playground-models-title" className="playground-models">
        <h3 id="playground-models-title">Models</h3>
        {form.modelIds.length ? (
          <ul aria-labelledby="playground-models-title">
            {form.modelIds.map((modelId) => (
              <li key={modelId}>
                <code>{modelId}</code>
                <button type="button" aria-label={`Remove ${modelId}`} onClick={() => state.removeModel(modelId)}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="hint">No model yet: add one, or as many as you want to compare.</p>
        )}
        <button
          type="button"
          aria-haspopup="dialog"
          aria-keyshortcuts="Control+K Meta+K"
          aria-invalid={hasProblem(form.problems, 'modelIds') || undefined}
          aria-describedby="playground-models-problem"
          onClick={() => state.openModelPicker({ kind: 'playground' })}
        >
          Add model ({shortcutLabel('Mod+K')})
        </button>
        <FieldProblemText problems={form.problems} field="modelIds" id="playground-models-problem" />
      </section>
    </div>
  );
}
