import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/app-store';
import { ProblemText, useProblemId } from './problem-text';

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });

/** Every compare is kept: reopen one with all its replies, measurements and costs. */
export function PastCompares() {
  const state = useAppStore(
    useShallow((s) => ({
      sessions: s.compare.sessions,
      openCompareSession: s.openCompareSession,
    })),
  );
  const [chosen, setChosen] = useState('');
  const problemId = useProblemId('sessions', 'compare-sessions-problem');
  if (state.sessions.length === 0) return <ProblemText at="sessions" id="compare-sessions-problem" />;
  const selected = state.sessions.some((session) => session.id === chosen) ? chosen : state.sessions[0]!.id;
  return (
    <div className="compare-inline-form">
      <label className="field">
        <span>Past compares</span>
        <select value={selected} aria-describedby={problemId} onChange={(event) => setChosen(event.target.value)}>
          {state.sessions.map((session) => (
            <option key={session.id} value={session.id}>
              {session.title} · {session.modelIds.length} models · {when(session.updatedAt)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => void state.openCompareSession(selected)}>
        Open compare
      </button>
      <ProblemText at="sessions" id="compare-sessions-problem" />
    </div>
  );
}
