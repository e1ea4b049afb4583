import { useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { writePromptFile } from '../../../../shared/playground/prompt-file';
import { runCsv, runMarkdown } from '../../../../shared/playground/run-report';
import { useAppStore } from '../../store/app-store';
import { downloadFile } from '../usage/download-file';
import { CasesTable } from './cases-table';
import { FieldProblemText, hasProblem } from './field-problem';
import { PromptEditor } from './prompt-editor';
import { RunComparison } from './run-comparison';
import { RunGrid } from './run-grid';
import { VersionDiffView } from './version-diff-view';
import './playground.css';

const when = (iso: string) => new Date(iso).toLocaleString();

/** A prompt with variables, test cases and checks, run across many models at once; saved with versions and runs. */
export function PlaygroundScreen() {
  const state = useAppStore(
    useShallow((s) => ({
      form: s.playground,
      setDraft: s.setPlaygroundDraft,
      load: s.loadPlayground,
      open: s.openPlaygroundPrompt,
      newPrompt: s.newPlaygroundPrompt,
      save: s.savePlaygroundPrompt,
      run: s.runPlayground,
      cancel: s.cancelPlaygroundRun,
      openRun: s.openPlaygroundRun,
      compareRun: s.comparePlaygroundRun,
      importPrompt: s.importPlaygroundPrompt,
    })),
  );
  const { form } = state;
  const [note, setNote] = useState('');
  const [importProblem, setImportProblem] = useState<string | null>(null);
  const load = state.load;
  useEffect(() => void load(), [load]);
  const isRunning = form.run?.cells.some((cell) => cell.status === 'waiting' || cell.status === 'streaming') ?? false;
  return (
    <section aria-labelledby="playground-title" className="screen playground">
      <div className="toolbar">
        <h2 id="playground-title">Playground</h2>
        <label className="field">
          <span>Saved prompt</span>
          <select
            value={form.promptId ?? ''}
            onChange={(event) => (event.target.value ? void state.open(event.target.value) : state.newPrompt())}
          >
            <option value="">New prompt</option>
            {form.prompts.map((prompt) => (
              <option key={prompt.id} value={prompt.id}>
                {prompt.name} ({prompt.versionCount} {prompt.versionCount === 1 ? 'version' : 'versions'})
              </option>
            ))}
          </select>
        </label>
        <label className="field field-grow">
          <span>Prompt name</span>
          <input
            value={form.name}
            placeholder="Untitled prompt"
            onChange={(event) => state.setDraft({ name: event.target.value })}
          />
        </label>
        <button type="button" onClick={state.newPrompt}>
          New prompt
        </button>
      </div>
      <PromptEditor />
      <CasesTable />
      <section aria-labelledby="playground-save-title" className="playground-save">
        <h3 id="playground-save-title">Versions</h3>
        <div className="actions">
          <label className="field field-grow">
            <span>Version note</span>
            <input value={note} placeholder="What changed" onChange={(event) => setNote(event.target.value)} />
          </label>
          <button type="button" onClick={() => void state.save(note.trim()).then((saved) => saved && setNote(''))}>
            Save version
          </button>
          <span className="hint" role="status">
            {form.versions.length === 0
              ? 'Not saved yet'
              : form.restoredFrom
                ? `Showing version ${form.restoredFrom} (the newest is ${form.versions.at(-1)!.number}): save to restore it`
                : form.isDirty
                  ? `Changed since version ${form.versions.at(-1)!.number}`
                  : `Saved as version ${form.versions.at(-1)!.number}`}
          </span>
        </div>
        <div className="actions">
          <button
            type="button"
            disabled={form.versions.length === 0}
            onClick={() => {
              const version = form.versions.at(-1)!;
              const { system, messages, user, params, modelIds } = version;
              const draft = { system, ...(messages?.length ? { messages } : {}), user, params, modelIds };
              downloadFile(
                [writePromptFile(form.name, draft, form.cases)],
                `${form.name.replace(/[^\w-]+/g, '-') || 'prompt'}.json`,
                'application/json',
              );
            }}
          >
            Export prompt as JSON
          </button>
          <label className="field">
            <span>Import a prompt (JSON)</span>
            <input
              type="file"
              accept="application/json,.json"
              aria-invalid={importProblem ? true : undefined}
              aria-describedby="playground-import-prompt-problem"
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = '';
                if (file) void file.text().then(state.importPrompt).then(setImportProblem);
              }}
            />
          </label>
          {importProblem && (
            <span id="playground-import-prompt-problem" className="field-error" role="alert">
              {importProblem}
            </span>
          )}
        </div>
        <FieldProblemText problems={form.problems} field="save" id="playground-save-problem" />
        <FieldProblemText problems={form.problems} field="name" id="playground-name-problem" />
        {form.versions.length > 0 && (
          <ol className="playground-versions" aria-label="Saved versions">
            {[...form.versions].reverse().map((version) => (
              <li key={version.id}>
                <span>
                  Version {version.number} · {when(version.createdAt)}
                  {version.note ? ` · ${version.note}` : ''}
                </span>
                <button type="button" className="small" onClick={() => void state.open(version.promptId, version.id)}>
                  Open version {version.number}
                </button>
              </li>
            ))}
          </ol>
        )}
        <VersionDiffView key={form.promptId ?? 'new'} />
      </section>
      <section aria-labelledby="playground-run-title" className="playground-run">
        <h3 id="playground-run-title">Run</h3>
        <div className="actions">
          <label className="field">
            <span>At a time</span>
            <input
              type="number"
              min={1}
              max={16}
              step={1}
              value={form.concurrency}
              aria-invalid={hasProblem(form.problems, 'concurrency') || undefined}
              aria-describedby="playground-concurrency-problem"
              onChange={(event) => state.setDraft({ concurrency: event.target.value })}
            />
          </label>
          <button type="button" className="primary" onClick={() => void state.run()}>
            Run all cases
          </button>
          <button type="button" disabled={!isRunning} onClick={() => void state.cancel()}>
            Cancel all
          </button>
          {form.runs.length > 0 && (
            <label className="field">
              <span>Saved runs</span>
              <select
                value={form.run?.id ?? ''}
                onChange={(event) => event.target.value && void state.openRun(event.target.value)}
              >
                <option value="">Pick a run</option>
                {form.runs.map((run) => (
                  <option key={run.id} value={run.id}>
                    Version {run.versionNumber} · {when(run.createdAt)} · {run.caseCount} × {run.modelCount}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
        <FieldProblemText problems={form.problems} field="concurrency" id="playground-concurrency-problem" />
        <FieldProblemText problems={form.problems} field="run" id="playground-run-problem" />
        {form.run && (
          <div className="actions">
            <button
              type="button"
              onClick={() => downloadFile([runCsv(form.run!)], `playground-run-${form.run!.id}.csv`, 'text/csv')}
            >
              Export run as CSV
            </button>
            <button
              type="button"
              onClick={() =>
                downloadFile([runMarkdown(form.run!)], `playground-run-${form.run!.id}.md`, 'text/markdown')
              }
            >
              Export run as Markdown
            </button>
          </div>
        )}
        {form.run && form.runs.length > 1 && (
          <label className="field">
            <span>Compare with run</span>
            <select
              value={form.compareRun?.id ?? ''}
              onChange={(event) => void state.compareRun(event.target.value || null)}
            >
              <option value="">No comparison</option>
              {form.runs
                .filter((run) => run.id !== form.run!.id)
                .map((run) => (
                  <option key={run.id} value={run.id}>
                    Version {run.versionNumber} · {when(run.createdAt)}
                  </option>
                ))}
            </select>
          </label>
        )}
        {form.run && form.compareRun && form.compareRun.id !== form.run.id && (
          <RunComparison run={form.run} other={form.compareRun} />
        )}
        {form.run ? (
          <RunGrid run={form.run} />
        ) : (
          <p className="hint">No run yet: pick models, add cases, then run them all.</p>
        )}
      </section>
    </section>
  );
}
