import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { versionDiff } from '../../../../shared/playground/version-diff';
import { useAppStore } from '../../store/app-store';

/** Two saved versions' text side by side as one line diff, and a way to put their runs' outputs side by side. */
export function VersionDiffView() {
  const state = useAppStore(
    useShallow((s) => ({
      versions: s.playground.versions,
      runs: s.playground.runs,
      compareRuns: s.comparePlaygroundVersionRuns,
    })),
  );
  const { versions } = state;
  const newest = versions.at(-1)?.number ?? 0;
  const [picked, setPicked] = useState<{ older: number; newer: number } | null>(null);
  const [hint, setHint] = useState<string | null>(null);
  if (versions.length < 2) return null;
  const olderNumber = picked?.older ?? newest - 1;
  const newerNumber = picked?.newer ?? newest;
  const older = versions.find((version) => version.number === olderNumber);
  const newer = versions.find((version) => version.number === newerNumber);
  const pick = (side: 'older' | 'newer', value: string) => {
    setHint(null);
    setPicked({ older: olderNumber, newer: newerNumber, [side]: Number(value) });
  };
  const select = (side: 'older' | 'newer', label: string, value: number) => (
    <label className="field">
      <span>{label}</span>
      <select value={value} onChange={(event) => pick(side, event.target.value)}>
        {versions.map((version) => (
          <option key={version.id} value={version.number}>
            Version {version.number}
            {version.note ? ` · ${version.note}` : ''}
          </option>
        ))}
      </select>
    </label>
  );
  const title = `Changes from version ${olderNumber} to version ${newerNumber}`;
  const lines = older && newer ? versionDiff(older, newer) : [];
  const changes = lines.filter((line) => line.kind !== 'same').length;
  return (
    <section aria-labelledby="playground-diff-title" className="playground-diff">
      <h4 id="playground-diff-title">Compare two versions</h4>
      <div className="actions">
        {select('older', 'Older version', olderNumber)}
        {select('newer', 'Newer version', newerNumber)}
        <button
          type="button"
          onClick={() =>
            void state
              .compareRuns(olderNumber, newerNumber)
              .then((isShown) =>
                setHint(
                  isShown
                    ? `Their newest runs are side by side under Run.`
                    : `Run both versions first: each needs a run to compare outputs.`,
                ),
              )
          }
        >
          Compare outputs of versions {olderNumber} and {newerNumber}
        </button>
        {hint && (
          <span className="hint" role="status">
            {hint}
          </span>
        )}
      </div>
      <p className="hint">
        {changes === 0 ? 'The two versions are the same.' : `${changes} ${changes === 1 ? 'line' : 'lines'} changed.`}
      </p>
      <ol aria-label={title} className="version-diff">
        {lines.map((line, index) => (
          <li key={index} className={`diff-${line.kind}`}>
            {line.kind === 'added' ? (
              <ins>
                <span className="visually-hidden">Added: </span>
                {line.text}
              </ins>
            ) : line.kind === 'removed' ? (
              <del>
                <span className="visually-hidden">Removed: </span>
                {line.text}
              </del>
            ) : (
              line.text
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
