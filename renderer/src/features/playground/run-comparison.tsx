import type { PlaygroundCell, PlaygroundRun } from '../../../../shared/contract';

function Answer({ cell, label }: { cell: PlaygroundCell | undefined; label: string }) {
  if (!cell) return <span className="hint">Not in this run</span>;
  const verdict = cell.passed ? 'Passed' : cell.status === 'ok' ? 'Failed' : cell.status;
  return (
    <div role="group" aria-label={label} className="grid-cell">
      <span role="status" className={`verdict ${cell.passed ? 'verdict-pass' : 'verdict-fail'}`}>
        {verdict}
      </span>
      <div className="grid-cell-text">{cell.text}</div>
    </div>
  );
}

/** Two runs' answers side by side, case by case and model by model, matched by case and model. */
export function RunComparison({ run, other }: { run: PlaygroundRun; other: PlaygroundRun }) {
  const find = (target: PlaygroundRun, caseId: string, modelId: string) =>
    target.cells.find((cell) => cell.caseId === caseId && cell.modelId === modelId);
  const left = `Version ${run.versionNumber}`;
  const right = `Version ${other.versionNumber}`;
  return (
    <div className="table-scroll">
      <table className="run-grid run-comparison">
        <caption>
          {left} ({new Date(run.createdAt).toLocaleString()}) beside {right} (
          {new Date(other.createdAt).toLocaleString()}), on the same cases
        </caption>
        <thead>
          <tr>
            <th scope="col">Case</th>
            <th scope="col">Model</th>
            <th scope="col">{left}</th>
            <th scope="col">{right}</th>
          </tr>
        </thead>
        <tbody>
          {run.cases.flatMap((testCase, index) =>
            run.version.modelIds.map((modelId) => {
              const name = `Case ${index + 1} on ${modelId}`;
              return (
                <tr key={`${testCase.id} ${modelId}`}>
                  <th scope="row">Case {index + 1}</th>
                  <td>
                    <code>{modelId}</code>
                  </td>
                  <td>
                    <Answer cell={find(run, testCase.id, modelId)} label={`${left}: ${name}`} />
                  </td>
                  <td>
                    <Answer cell={find(other, testCase.id, modelId)} label={`${right}: ${name}`} />
                  </td>
                </tr>
              );
            }),
          )}
        </tbody>
      </table>
    </div>
  );
}
