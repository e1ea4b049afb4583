import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { promptVariables } from '../../../../shared/playground/template';
import { useAppStore } from '../../store/app-store';
import { CaseChecks } from './case-checks';
import { FieldProblemText } from './field-problem';

/** Test cases: a value per variable and optional checks, one row each; rows can be pasted as CSV or JSON. */
export function CasesTable() {
  const state = useAppStore(
    useShallow((s) => ({
      form: s.playground,
      addCase: s.addPlaygroundCase,
      setValue: s.setPlaygroundCaseValue,
      setChecks: s.setPlaygroundCaseChecks,
      removeCase: s.removePlaygroundCase,
      importCases: s.importPlaygroundCases,
    })),
  );
  const { form } = state;
  const [pasted, setPasted] = useState('');
  const [importProblem, setImportProblem] = useState<string | null>(null);
  const variables = promptVariables(form);
  return (
    <section aria-labelledby="playground-cases-title" className="playground-cases">
      <h3 id="playground-cases-title">Test cases</h3>
      {form.cases.length === 0 ? (
        <p className="hint">
          No cases yet: add one (a value for each variable) or paste rows below. Without cases, a run asks each model
          once.
        </p>
      ) : (
        <div className="table-scroll">
          <table className="cases-table" aria-labelledby="playground-cases-title">
            <thead>
              <tr>
                <th scope="col">Case</th>
                {variables.map((name) => (
                  <th key={name} scope="col">
                    <code>{name}</code>
                  </th>
                ))}
                <th scope="col">Checks</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {form.cases.map((testCase, index) => {
                const label = `case ${index + 1}`;
                return (
                  <tr key={testCase.id}>
                    <th scope="row">{index + 1}</th>
                    {variables.map((name) => (
                      <td key={name}>
                        <textarea
                          rows={1}
                          aria-label={`${name} in ${label}`}
                          value={testCase.values[name] ?? ''}
                          onChange={(event) => state.setValue(testCase.id, name, event.target.value)}
                        />
                      </td>
                    ))}
                    <td>
                      <CaseChecks
                        label={label}
                        checks={testCase.checks}
                        onChange={(checks) => state.setChecks(testCase.id, checks)}
                      />
                    </td>
                    <td>
                      <button type="button" onClick={() => state.removeCase(testCase.id)}>
                        Delete {label}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <FieldProblemText problems={form.problems} field="cases" id="playground-cases-problem" />
      <div className="actions">
        <button type="button" onClick={() => state.addCase()}>
          Add case
        </button>
      </div>
      <details className="case-import">
        <summary>Paste rows (CSV or JSON)</summary>
        <label className="field">
          <span>Rows to import: CSV with a header row of variable names, or a JSON array of objects</span>
          <textarea
            rows={4}
            value={pasted}
            aria-invalid={importProblem ? true : undefined}
            aria-describedby="playground-import-problem"
            onChange={(event) => setPasted(event.target.value)}
          />
        </label>
        {importProblem && (
          <span id="playground-import-problem" className="field-error" role="alert">
            {importProblem}
          </span>
        )}
        <button
          type="button"
          onClick={() => {
            const problem = state.importCases(pasted);
            setImportProblem(problem);
            if (!problem) setPasted('');
          }}
        >
          Import rows
        </button>
      </details>
    </section>
  );
}
